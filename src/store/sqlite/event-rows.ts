/** Events <-> rows of the `events` table: common fields in columns, type-specific fields as JSON in `data`. */
import type { WaymarkEvent } from '../../core/progress/events.js';

export interface EventRow {
  seq: number;
  id: string;
  roadmap_id: string;
  node_id: string | null;
  type: string;
  at: string;
  recorded_at: string;
  change_id: string;
  data: string;
}

const COLUMN_FIELDS = new Set(['seq', 'id', 'roadmapId', 'nodeId', 'type', 'at', 'recordedAt', 'changeId']);

/** The JSON of the fields that have no column of their own. */
export function dataOf(event: WaymarkEvent): string {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event)) if (!COLUMN_FIELDS.has(key)) data[key] = value;
  return JSON.stringify(data);
}

export function eventFromRow(row: EventRow): WaymarkEvent {
  // Same key order as validateEvent, so events of one type share a shape and folds stay fast.
  const event: Record<string, unknown> = {
    id: row.id,
    roadmapId: row.roadmap_id,
    nodeId: row.node_id,
    type: row.type,
    at: row.at,
    recordedAt: row.recorded_at,
    changeId: row.change_id,
    seq: row.seq,
  };
  const data = JSON.parse(row.data) as Record<string, unknown>;
  for (const key in data) event[key] = data[key];
  return event as unknown as WaymarkEvent;
}
