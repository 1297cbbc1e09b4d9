import type { ItemRef } from './types';

export interface ItemGroup {
  key: string;
  items: ItemRef[];
}

function asItem(value: unknown): ItemRef | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const nested =
    typeof record.item === 'object' && record.item !== null ? (record.item as Record<string, unknown>) : {};
  const roadmapId = record.roadmapId ?? nested.roadmapId;
  const nodeId = record.nodeId ?? nested.nodeId ?? nested.id;
  const title = record.title ?? nested.title;
  if (typeof roadmapId !== 'string' || typeof nodeId !== 'string') return undefined;
  const item: ItemRef = { roadmapId, nodeId, title: typeof title === 'string' ? title : nodeId };
  if (typeof record.minutes === 'number') item.minutes = record.minutes;
  if (typeof record.status === 'string') item.status = record.status;
  const due = record.due ?? record.dueAt;
  if (typeof due === 'string') item.due = due;
  if (Array.isArray(record.path) && record.path.every((step) => typeof step === 'string'))
    item.path = record.path as string[];
  return item;
}

/**
 * Finds the items in an agenda- or card-like response, grouped by the property that holds them
 * (`planned`, `doing`, `habits`, `cards`, ...), so the page follows the CLI's --json output as it is.
 */
export function collectItems(json: unknown): ItemGroup[] {
  const groups: ItemGroup[] = [];
  const visit = (value: unknown, key: string, depth: number) => {
    if (depth > 4) return;
    if (Array.isArray(value)) {
      const items = value.map(asItem).filter((item): item is ItemRef => item !== undefined);
      if (items.length > 0) groups.push({ key, items });
      else for (const entry of value) visit(entry, key, depth + 1);
      return;
    }
    if (typeof value === 'object' && value !== null) {
      for (const [child, inner] of Object.entries(value)) visit(inner, child, depth + 1);
    }
  };
  visit(json, 'items', 0);
  return groups;
}

const GROUP_TITLES: Record<string, string> = {
  items: 'Planned',
  planned: 'Planned today',
  today: 'Planned today',
  doing: 'In progress',
  inProgress: 'In progress',
  habits: 'Habits due',
  reviews: 'Reviews due',
  due: 'Due',
  cards: 'Due cards',
  overdue: 'Overdue',
};

export const groupTitle = (key: string) =>
  GROUP_TITLES[key] ?? key.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());
