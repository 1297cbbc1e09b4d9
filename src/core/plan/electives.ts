/**
 * Which options of each elective group the plan includes: the learner's choice; until they choose,
 * the options they already started, topped up to the group's minimum with the author's recommendation
 * ("[personal recommendation]") first, then the first options. An item the roadmap calls optional is left
 * out until the learner starts it or includes it (`waymark include`, which drops the flag).
 */
import { inputError } from '../errors.js';
import { electiveOptions, type Node, walkNodes } from '../model/roadmap.js';
import type { Status } from '../progress/events.js';

export interface ElectiveSelection {
  groupId: string;
  title: string;
  choose: { min: number; max: number };
  /** Option ids the plan includes, in roadmap order. */
  included: string[];
  /** How the inclusion was decided: the learner's choice, or assumed until they choose. */
  decidedBy: 'choice' | 'assumed';
  /** Ids from a stored choice that are no longer options (the roadmap changed); ignored. */
  unknown: string[];
}

export interface ElectiveResolution {
  selections: ElectiveSelection[];
  /** Options left out of the plan, with everything beneath them. */
  excluded: Set<Node>;
}

const hasStarted = (node: Node, status: ReadonlyMap<string, Status>): boolean => {
  for (const { node: inner } of walkNodes([node])) {
    const value = status.get(inner.id);
    if (value === 'doing' || value === 'done') return true;
  }
  return false;
};

/** For the edge that records a choice: throws INPUT when it names a non-option or too many options. */
export function validateChoice(group: Node, optionIds: readonly string[]): void {
  if (!group.choose) throw inputError(`"${group.title}" is not an elective group.`);
  const options = electiveOptions(group);
  const known = new Set(options.map((option) => option.id));
  const hint = `Its options: ${options.map((option) => `${option.id} (${option.title})`).join(', ')}.`;
  for (const id of optionIds) {
    if (!known.has(id)) throw inputError(`"${id}" is not an option of "${group.title}".`, hint);
  }
  if (new Set(optionIds).size > group.choose.max) {
    throw inputError(`"${group.title}" allows at most ${group.choose.max} options.`, hint);
  }
}

export function resolveElectives(
  nodes: readonly Node[],
  choices: ReadonlyMap<string, readonly string[]>,
  status: ReadonlyMap<string, Status>,
): ElectiveResolution {
  const selections: ElectiveSelection[] = [];
  const excluded = new Set<Node>();
  for (const { node: group } of walkNodes(nodes)) {
    if (!group.choose) continue;
    const options = electiveOptions(group);
    const chosen = choices.get(group.id);
    const known = new Set(options.map((option) => option.id));
    const picked = new Set<string>();
    if (chosen) {
      for (const id of chosen) if (known.has(id)) picked.add(id);
    } else {
      for (const option of options) if (hasStarted(option, status)) picked.add(option.id);
    }
    // A choice below the minimum still plans the minimum: the roadmap requires it.
    for (const option of options) {
      if (picked.size >= Math.min(group.choose.min, options.length)) break;
      if (option.meta?.recommended === 'true') picked.add(option.id);
    }
    for (const option of options) {
      if (picked.size >= Math.min(group.choose.min, options.length)) break;
      picked.add(option.id);
    }
    for (const option of options) if (!picked.has(option.id)) excluded.add(option);
    selections.push({
      groupId: group.id,
      title: group.title,
      choose: group.choose,
      included: options.filter((option) => picked.has(option.id)).map((option) => option.id),
      decidedBy: chosen ? 'choice' : 'assumed',
      unknown: chosen ? chosen.filter((id) => !known.has(id)) : [],
    });
  }
  for (const { node } of walkNodes(nodes)) {
    if (node.meta?.optional === 'true' && !hasStarted(node, status)) excluded.add(node);
  }
  return { selections, excluded };
}
