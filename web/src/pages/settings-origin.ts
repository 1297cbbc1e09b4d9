/**
 * Where a setting's value comes from, in the learner's words, from the provenance the server reports
 * (`capacity.source`, `…From`, `targetSource`, `allotment.shareFrom`, `decidedBy`), and how to go back to what
 * it would be otherwise (the body that drops the own value). Pure, so each case is tested.
 */
import type { ApiBody, GlobalSettings, Settings } from '../api/types';

/** `own`: set here (it can be reset); `inherited`: from your global settings; `default`: built in. */
export type OriginKind = 'own' | 'inherited' | 'default' | 'file';

export interface Origin<Body> {
  kind: OriginKind;
  text: string;
  /** The change that goes back to the inherited or default value (only for own values). */
  reset?: { label: string; body: Body };
}

type GlobalBody = ApiBody<'PUT /api/settings'>;
type RoadmapBody = ApiBody<'PUT /api/settings/:roadmapId'>;
type CapacitySource = GlobalSettings['capacity']['source'];
type SharedFrom = GlobalSettings['allocationFrom'];

const BUILT_IN: Record<Exclude<CapacitySource, 'global'>, string> = {
  default: 'built-in default',
  routine: "not set: from a roadmap's routine",
  roadmaps: "not set: the sum of your roadmaps' own hours",
  roadmap: "not set: from a roadmap's own hours",
};

/** The learner's total study time, on the global form. */
export function capacityOrigin(source: CapacitySource): Origin<GlobalBody> {
  if (source === 'global')
    return {
      kind: 'own',
      text: 'set by you',
      reset: { label: 'Back to the default', body: { capacity: { reset: true } } },
    };
  return { kind: source === 'default' ? 'default' : 'file', text: BUILT_IN[source] };
}

/** Allocation, habits and the study window on the global form. */
export function sharedOrigin(
  from: SharedFrom,
  field: 'allocation' | 'habits' | 'studyWindow',
): Origin<GlobalBody> {
  if (from === 'global')
    return {
      kind: 'own',
      text: 'set by you',
      reset: { label: 'Back to the default', body: { [field]: null } },
    };
  return { kind: 'default', text: 'built-in default' };
}

/** The same values seen from a roadmap: they are the learner's, not the roadmap's. */
export function inheritedOrigin(from: SharedFrom | CapacitySource): Origin<never> {
  if (from === 'global') return { kind: 'inherited', text: 'inherited from your study time' };
  return {
    kind: 'inherited',
    text: `inherited: ${from === 'default' ? 'the built-in default' : BUILT_IN[from]}`,
  };
}

/** The roadmap's part of the time: its own hours, its own share, the default equal part, or paused. */
export function partOrigin(allotment: Settings['allotment']): Origin<RoadmapBody> {
  if (allotment.kind === 'fixed')
    return {
      kind: 'own',
      text: "this roadmap's own hours",
      reset: { label: 'Use a share of your study time instead', body: { capacity: { reset: true } } },
    };
  if (allotment.shareFrom === 'roadmap')
    return {
      kind: 'own',
      text: "this roadmap's own share",
      reset: { label: 'Back to an equal part', body: { share: null } },
    };
  return { kind: 'default', text: 'default: an equal part of your time' };
}

export function startOrigin(settings: Pick<Settings, 'startDateFrom'>): Origin<RoadmapBody> {
  if (settings.startDateFrom === 'roadmap')
    return {
      kind: 'own',
      text: "this roadmap's own",
      reset: { label: 'Clear the start date', body: { startDate: null } },
    };
  return { kind: 'default', text: 'not set: work is planned from today' };
}

/**
 * Your own target goes back to the roadmap file's date when it has one (else it is cleared); a target you
 * cleared over the file's date can be brought back the same way.
 */
export function targetOrigin(
  settings: Pick<Settings, 'targetSource' | 'targetDate' | 'roadmapTargetDate'>,
): Origin<RoadmapBody> {
  const fileDate = settings.roadmapTargetDate;
  const backToFile = fileDate
    ? { label: `Use the roadmap's own date (${fileDate})`, body: { resetTarget: true } }
    : undefined;
  if (settings.targetSource === 'setting')
    return {
      kind: 'own',
      text: 'set by you',
      reset: backToFile ?? { label: 'Clear the target', body: { targetDate: null } },
    };
  if (settings.targetSource === 'roadmap') return { kind: 'file', text: "from the roadmap's own goal" };
  if (backToFile)
    return { kind: 'own', text: "cleared by you over the roadmap's own date", reset: backToFile };
  return { kind: 'default', text: 'no target' };
}

export function choiceOrigin(group: Settings['electiveGroups'][number]): Origin<RoadmapBody> {
  if (group.decidedBy === 'choice')
    return {
      kind: 'own',
      text: 'chosen by you',
      reset: { label: "Back to the planner's assumption", body: { choices: { [group.id]: null } } },
    };
  return { kind: 'default', text: 'assumed until you choose' };
}
