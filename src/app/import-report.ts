/**
 * What an import found, as `waymark import --json` prints it and POST /api/import answers: the roadmap's id
 * and title, whether it was new, its counts (items as every view counts them), the import verdict
 * ("52 courses in 9 sections…" and its warnings about link collections or content in images), the ticks
 * recorded, and on a re-import what moved, was archived or came back.
 */
import { type ImportVerdict, importVerdict, verdictText } from '../core/markdown/import-verdict.js';
import { walkNodes } from '../core/model/roadmap.js';
import { itemsOf } from '../core/progress/items.js';
import { foldedState } from './folded-state.js';
import type { ImportSummary } from './import-service.js';
import { roadmapProgress } from './roadmap-progress.js';
import type { Workspace } from './workspace.js';

export interface ImportCounts {
  nodes: number;
  trackable: number;
  /** The unit of "N of M" in every view (core/progress/items.ts), as `list` counts them. */
  items: number;
  /** Items in elective options not chosen: not counted until chosen. */
  notChosen: number;
  phases: number;
  checked: number;
}

export interface ImportReport {
  id: string;
  title: string;
  created: boolean;
  unchanged: boolean;
  counts: ImportCounts;
  recordedTicks: number;
  pendingSync: number;
  verdict: ImportVerdict & { text: string };
  moved?: NonNullable<ImportSummary['match']>['moved'];
  retitled?: NonNullable<ImportSummary['match']>['retitled'];
  archived?: ImportSummary['archived'];
  restored?: ImportSummary['restored'];
  added?: NonNullable<ImportSummary['match']>['added'];
  kept?: number;
}

export function importCounts(workspace: Workspace, summary: ImportSummary): ImportCounts {
  const nodes = [...walkNodes(summary.roadmap.nodes)].map((entry) => entry.node);
  const items = roadmapProgress(summary.roadmap, foldedState(workspace.store, summary.roadmap.id)).items
    .length;
  return {
    nodes: nodes.length,
    trackable: nodes.filter((node) => node.trackable).length,
    items,
    notChosen: itemsOf(summary.roadmap.nodes).length - items,
    phases: nodes.filter((node) => node.kind === 'phase').length,
    checked: nodes.filter((node) => node.checked).length,
  };
}

export function importReport(workspace: Workspace, summary: ImportSummary): ImportReport {
  const verdict = importVerdict(summary.roadmap);
  return {
    id: summary.roadmap.id,
    title: summary.roadmap.title,
    created: summary.created,
    unchanged: summary.unchanged,
    counts: importCounts(workspace, summary),
    recordedTicks: summary.recordedTicks,
    pendingSync: summary.pendingSync,
    verdict: { ...verdict, text: verdictText(verdict) },
    ...(summary.match
      ? {
          moved: summary.match.moved,
          retitled: summary.match.retitled,
          archived: summary.archived,
          restored: summary.restored,
          added: summary.match.added,
          kept: summary.match.kept.length,
        }
      : {}),
  };
}
