import { importVerdict, verdictText } from '../../core/markdown/import-verdict.js';
import type { Duration, Node, Roadmap } from '../../core/model/roadmap.js';
import { walkNodes } from '../../core/model/roadmap.js';
import { plain, type Styler } from './style.js';

export function formatDuration(duration: Duration): string {
  if ('ongoing' in duration) return 'ongoing';
  const range = duration.min === duration.max ? `${duration.min}` : `${duration.min}-${duration.max}`;
  const unit =
    duration.min === duration.max && duration.max === 1 ? duration.unit.replace(/s$/, '') : duration.unit;
  return `${range} ${unit}`;
}

function countItems(node: Node): { trackable: number; checkboxes: number; ticked: number } {
  let trackable = 0;
  let checkboxes = 0;
  let ticked = 0;
  for (const { node: descendant } of walkNodes(node.children)) {
    if (descendant.trackable && descendant.children.length === 0) trackable++;
    if (descendant.checked !== undefined) checkboxes++;
    if (descendant.checked) ticked++;
  }
  return { trackable, checkboxes, ticked };
}

function describe(node: Node, style: Styler): string {
  const parts: string[] = [];
  if (node.duration) parts.push(formatDuration(node.duration));
  if (node.hours)
    parts.push(
      `${node.hours.min === node.hours.max ? node.hours.min : `${node.hours.min}-${node.hours.max}`} h`,
    );
  if (node.recurrence) parts.push(node.recurrence);
  if (node.choose) parts.push(`choose ${node.choose.min}-${node.choose.max}`);
  if (node.due?.after) parts.push(`due ${node.due.after.value} ${node.due.after.unit} in`);
  if (node.due?.date) parts.push(`due ${node.due.date}`);
  if (node.meta?.platform) parts.push(node.meta.platform);
  if (node.meta?.optional === 'true') parts.push('optional');
  if (node.meta?.excluded === 'true') parts.push(style('yellow', 'excluded by you'));
  if (node.meta?.included === 'true') parts.push(style('yellow', 'included by you'));
  if (node.meta?.importedKind) parts.push(style('yellow', `kind set by you (was ${node.meta.importedKind})`));
  if (node.kind === 'phase' || (node.children.length > 0 && node.kind === 'section')) {
    const counts = countItems(node);
    if (counts.trackable > 0) parts.push(`${counts.trackable} item${counts.trackable === 1 ? '' : 's'}`);
    if (counts.checkboxes > 0) parts.push(`${counts.ticked}/${counts.checkboxes} ticked`);
  }
  return parts.length > 0 ? style('dim', ` · ${parts.join(' · ')}`) : '';
}

/** The human outline of `waymark inspect`: the tree with kinds, durations, checkboxes and counts. */
export function formatOutline(roadmap: Roadmap, style: Styler = plain): string {
  const out: string[] = [];
  let total = 0;
  let checkboxes = 0;
  let checked = 0;
  let trackable = 0;
  const phases = roadmap.nodes.filter((node) => node.kind === 'phase').length;
  for (const { node } of walkNodes(roadmap.nodes)) {
    total++;
    if (node.trackable) trackable++;
    if (node.checked !== undefined) checkboxes++;
    if (node.checked) checked++;
  }
  out.push(style('bold', roadmap.title));
  out.push(
    style(
      'dim',
      `${phases > 0 ? `${phases} phases · ` : ''}${total} nodes · ${trackable} trackable · ${checkboxes} checkboxes (${checked} ticked)`,
    ),
  );
  out.push(`Found: ${verdictText(importVerdict(roadmap))}`);
  if (roadmap.goal) {
    const goal = roadmap.goal;
    const bits = [
      goal.targetDate && `target ${goal.targetDate}`,
      goal.horizonDays && `${goal.horizonDays} days`,
      goal.weeklyHours && `${goal.weeklyHours} h a week`,
      goal.roles && `roles: ${goal.roles.join(', ')}`,
    ].filter(Boolean);
    out.push(style('dim', `goal: ${bits.join(' · ')}`));
  }
  out.push('');
  for (const { node, parents } of walkNodes(roadmap.nodes)) {
    const indent = '  '.repeat(parents.length);
    const box = node.checked === undefined ? '' : node.checked ? style('green', '[x] ') : '[ ] ';
    const kind = node.kind === 'topic' ? '' : style(node.trackable ? 'cyan' : 'gray', `${node.kind} `);
    const title = node.kind === 'phase' ? style('bold', node.title) : node.title;
    out.push(`${indent}${box}${kind}${style('dim', node.id)}  ${title}${describe(node, style)}`);
  }
  return out.join('\n');
}
