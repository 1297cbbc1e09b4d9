/** Text output of the planning commands: capacity, plan, agenda and week. */
import type { AgendaView, DayView, WeekView } from '../../app/agenda-view.js';
import type { CapacityView, PlanView, SettingsView } from '../../app/planning-service.js';
import type { Io } from '../io.js';
import { formatMinutes } from './progress-bar.js';

const SHORT_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
/** Monday first, as a week reads. */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

export const hours = (value: number) => `${Math.round(value * 100) / 100} h`;
/** Tenths of an hour: 1.5 h stays 1.5 h (whole hours above 10, where a tenth is noise). */
const hoursOf = (value: number) => (value >= 10 ? Math.round(value) : Math.round(value * 10) / 10);
export const range = (min: number, max: number) =>
  hoursOf(min) === hoursOf(max) ? `${hoursOf(max)} h` : `${hoursOf(min)}–${hoursOf(max)} h`;

const SOURCE: Record<CapacityView['source'], string> = {
  roadmap: "this roadmap's own hours",
  global: 'your global capacity',
  roadmaps: "the sum of your roadmaps' own hours; set a global one with `waymark capacity`",
  routine: "from a roadmap's routine; set yours with `waymark capacity`",
  default: 'default; set yours with `waymark capacity`',
};

const FROM: Record<string, string> = {
  global: 'global',
  roadmap: "this roadmap's own",
  default: 'default',
  routine: 'routine',
  goal: "the roadmap's",
  options: "this roadmap's own",
};

/** How the roadmap takes part in the learner's time, in words. */
export function allotmentText(allotment: PlanView['allotment'], allocation: PlanView['allocation']): string {
  if (allotment.kind === 'paused') return 'paused (no time planned)';
  if (allotment.kind === 'fixed') {
    return `its own ${hours(allotment.own?.weeklyHours ?? 0)} a week, taken first (this roadmap's own)`;
  }
  if (allocation === 'priority')
    return `priority ${allotment.priority}: gets the time once the roadmaps before it are done`;
  return `${allotment.share ?? 0}% of the shared time (${allotment.shareFrom === 'roadmap' ? "this roadmap's own" : 'default: an equal part'})`;
}

export function capacityLines(capacity: CapacityView): string[] {
  const days = WEEK_ORDER.map((day) => `${SHORT_DAYS[day]} ${hours(capacity.hoursByWeekday[day] ?? 0)}`);
  const lines = [
    `  ${days.join('  ')}  = ${hours(capacity.weeklyHours)} a week (${SOURCE[capacity.source]})`,
  ];
  if (capacity.daysOff.length > 0) {
    const offs = capacity.daysOff.map((off) => (off.from === off.to ? off.from : `${off.from}..${off.to}`));
    lines.push(`  Days off: ${offs.join(', ')}`);
  }
  if (capacity.explanation) lines.push(`  ${capacity.explanation}`);
  return lines;
}

export function printSettings(view: SettingsView, io: Io): void {
  io.out(`Your study time (shared by every roadmap):`);
  for (const line of capacityLines(view.capacity)) io.out(line);
  io.out(
    `  Habits: ${view.habits} your study time (${FROM[view.habitsFrom]}) · calendar window ${view.studyWindow.start}-${view.studyWindow.end} (${FROM[view.studyWindowFrom]})`,
  );
  io.out(`${view.roadmapId}: ${allotmentText(view.allotment, view.allocation)}`);
  io.out(`  Sharing: by ${view.allocation} (${FROM[view.allocationFrom]})`);
  if (view.startDate) io.out(`  Start: ${view.startDate} (this roadmap's own)`);
  io.out(
    `  Estimates: ${hours(view.estimates.defaultItemHours)} per unsized item (${FROM[view.estimates.defaultItemHoursFrom]}), a roadmap week is ${hours(view.estimates.weekHours)} (${FROM[view.estimates.weekHoursFrom]})`,
  );
  if (view.targetDate)
    io.out(
      `  Target: ${view.targetDate}${view.targetSource === 'roadmap' ? " (the roadmap's own date)" : ''}`,
    );
  for (const group of view.electiveGroups) {
    const how = group.decidedBy === 'choice' ? 'chosen' : 'assumed until you choose';
    io.out(
      `  ${group.title} (choose ${group.choose.min}-${group.choose.max}): ${group.included.join(', ') || 'none'} (${how})`,
    );
  }
}

function targetLine(plan: PlanView): string | undefined {
  if (plan.target === null || !plan.targetPassed) return undefined;
  const whose = plan.targetSource === 'roadmap' ? " (the roadmap's date)" : '';
  return `Target ${plan.target}${whose} has passed; the plan finishes ${plan.daysBehind} days after it. Set a new one: waymark target ${plan.roadmapId} DATE`;
}

export function printPlan(plan: PlanView, io: Io, showItems: boolean): void {
  io.out(`${io.style('bold', plan.title)}  ${io.style('dim', plan.roadmapId)}`);
  io.out(
    `  Remaining: ${plan.remaining.items} items, ${range(plan.remaining.hours.min, plan.remaining.hours.max)}${plan.pace.factor !== 1 ? ` (at your pace, ${plan.pace.factor}x the estimates)` : ''}`,
  );
  io.out(
    `  Time: ${allotmentText(plan.allotment, plan.allocation)} of ${hours(plan.capacity.weeklyHours)} a week (${SOURCE[plan.capacity.source]})${plan.reviewMinutesPerDay > 0 ? ` · ${formatMinutes(plan.reviewMinutesPerDay)} a day kept for its reviews` : ''}`,
  );
  const start = plan.start !== plan.today ? ` (starting ${plan.start})` : '';
  const finish =
    plan.finish.min === plan.finish.max ? plan.finish.max : `${plan.finish.min} to ${plan.finish.max}`;
  io.out(`  Finish: ${io.style('bold', finish)}${start}`);
  const target = targetLine(plan);
  if (target) io.out(`  ${io.style('yellow', target)}`);
  // The one verdict (planning-service.ts forecastView), word for word what today, retro and the dashboard say.
  const { summary, explanation } = plan.forecast;
  io.out(`  ${plan.onTrack === null ? summary : io.style(plan.onTrack ? 'green' : 'yellow', summary)}`);
  io.out(io.style('dim', `  ${explanation}`));
  const open = plan.phases.filter((phase) => !phase.done);
  const done = plan.phases.length - open.length;
  if (plan.phases.length > 0) {
    const width = Math.min(48, Math.max(...plan.phases.map((phase) => phase.title.length)));
    io.out(io.style('dim', `  ${'Phase'.padEnd(width)}  Start       End`));
    for (const phase of open) {
      const title = phase.title.length > width ? `${phase.title.slice(0, width - 1)}…` : phase.title;
      // The min-effort schedule is another schedule: its span is shown whole, never an end before a start.
      const end =
        phase.endMin && phase.endMin !== phase.end
          ? `${phase.end} (at min effort ${phase.startMin}..${phase.endMin})`
          : phase.end;
      io.out(`  ${title.padEnd(width)}  ${phase.start}  ${end}`);
    }
    if (done > 0) io.out(io.style('dim', `  ${done} phase${done === 1 ? '' : 's'} done`));
  }
  for (const elective of plan.electives) {
    if (elective.decidedBy === 'assumed') {
      io.out(
        io.style(
          'dim',
          `  ${elective.title}: planning ${elective.included.join(', ')} until you choose (waymark choose ITEM)`,
        ),
      );
    }
  }
  for (const milestone of plan.milestones) {
    const state = milestone.reached
      ? 'reached'
      : milestone.planReaches === true
        ? 'the plan reaches it'
        : milestone.openItems.length > 0
          ? `open: ${milestone.openItems.map((item) => item.title).join('; ')}`
          : 'open';
    const phases =
      milestone.phasesDoneBy.length > 0
        ? ` · by then the plan finishes ${milestone.phasesDoneBy.length} of ${plan.phases.length} phases`
        : '';
    io.out(`  Milestone ${milestone.title} due ${milestone.due}: ${state}${phases}`);
  }
  if (showItems) {
    for (const item of plan.items) {
      io.out(
        `    ${item.start}..${item.end}  ${item.nodeId} ${item.title} (${range(item.hours.min, item.hours.max)})`,
      );
    }
  }
  io.out('');
}

export function printAgenda(agenda: AgendaView, io: Io, heading = true): void {
  if (heading) {
    const when =
      agenda.date === agenda.today ? 'Today' : agenda.date < agenda.today ? 'Planned then' : 'Planned';
    io.out(io.style('bold', `${when}: ${agenda.weekday} ${agenda.date}`));
  }
  const open = agenda.roadmaps.filter((roadmap) => !roadmap.nothingLeft && !roadmap.paused);
  if (open.length === 0) {
    io.out('  Nothing left to plan. Import a roadmap: waymark import ai-engineer');
    return;
  }
  if (agenda.items.length === 0) {
    io.out(`  ${agenda.dayOff ? 'A day off: nothing planned.' : 'Nothing planned for this day.'}`);
  }
  printDayItems(agenda, io, open.length > 1);
  const elsewhere = agenda.inProgress.filter((item) => !item.plannedOnDay);
  if (elsewhere.length > 0) {
    io.out('  In progress (not planned today):');
    for (const item of elsewhere) {
      io.out(
        `  ${''.padStart(7)}  ${io.style('dim', item.nodeId)} ${item.title}${io.style('dim', item.status === 'doing' ? ` (${formatMinutes(item.loggedMinutes)} logged, ${formatMinutes(item.remainingMinutes)} left)` : ` (${item.status} today)`)}`,
      );
    }
  }
  const planned = new Set(agenda.items.map((item) => `${item.roadmapId}:${item.nodeId}`));
  const alsoLogged = agenda.logged.filter(
    (entry) => entry.review || entry.nodeId === null || !planned.has(`${entry.roadmapId}:${entry.nodeId}`),
  );
  if (alsoLogged.length > 0) {
    io.out('  Also logged:');
    for (const entry of alsoLogged) {
      const what = entry.review ? `${entry.title} (review)` : entry.title;
      io.out(`  ${formatMinutes(entry.minutes).padStart(7)}  ${what}`);
    }
  }
  const paused = agenda.roadmaps.filter((roadmap) => roadmap.paused);
  if (paused.length > 0)
    io.out(io.style('dim', `  Paused: ${paused.map((roadmap) => roadmap.roadmapId).join(', ')}`));
  if (agenda.reviewsDue !== null && agenda.reviewsDue > 0)
    io.out(`  ${agenda.reviewsDue} review${agenda.reviewsDue === 1 ? '' : 's'} due: waymark review`);
  io.out(`  ${loggedLine(agenda)}`);
  io.out(io.style('dim', `  ${dayTotals(agenda)}`));
  // One line per roadmap: the forecast verdict, word for word as `waymark plan` says it.
  for (const roadmap of open) {
    if (roadmap.status) io.out(`  ${open.length > 1 ? `${roadmap.roadmapId}: ` : ''}${roadmap.status}`);
  }
}

/** "Logged today: 1h 10m of 2h" — the dashboard's running total, from the same view. */
function loggedLine(agenda: AgendaView): string {
  const when = agenda.date === agenda.today ? 'today' : `on ${agenda.date}`;
  return `Logged ${when}: ${formatMinutes(agenda.loggedMinutes)} of ${formatMinutes(agenda.capacityMinutes)}`;
}

/** "1h studied + 2h 30m planned + 30m review + 1h habits of 4h" — the same numbers as `week --json`. */
function dayTotals(day: DayView): string {
  const parts = [`${formatMinutes(day.plannedMinutes)} planned`];
  if (day.studiedMinutes > 0) parts.unshift(`${formatMinutes(day.studiedMinutes)} studied`);
  if (day.reviewMinutes > 0) parts.push(`${formatMinutes(day.reviewMinutes)} review`);
  if (day.habitMinutes > 0 && !day.habitsExtra) parts.push(`${formatMinutes(day.habitMinutes)} habits`);
  const extra =
    day.habitMinutes > 0 && day.habitsExtra ? ` (+ ${formatMinutes(day.habitMinutes)} habits, extra)` : '';
  return `${parts.join(' + ')} of ${formatMinutes(day.capacityMinutes)}${extra}`;
}

function printDayItems(day: DayView | AgendaView, io: Io, several: boolean): void {
  for (const item of day.items) {
    const part = item.parts > 1 ? io.style('dim', ` (part ${item.part} of ${item.parts})`) : '';
    const where = several ? io.style('dim', `${item.roadmapId}:`) : '';
    // On the agenda: how much of the planned time is logged, and whether it is finished (it stays listed).
    const logged =
      'loggedMinutes' in item && item.loggedMinutes > 0
        ? io.style('dim', ` — ${formatMinutes(item.loggedMinutes)} of ${formatMinutes(item.minutes)} logged`)
        : '';
    const done = 'loggedMinutes' in item && item.status === 'done' ? io.style('dim', ' (done)') : '';
    io.out(
      `  ${formatMinutes(item.minutes).padStart(7)}  ${where}${io.style('dim', item.nodeId)} ${item.title}${part}${logged}${done}`,
    );
  }
  if (day.reviewMinutes > 0) io.out(`  ${formatMinutes(day.reviewMinutes).padStart(7)}  spaced review`);
  if (day.habits.length > 0) {
    const fitted = day.habitMinutesAsked > day.habitMinutes && !day.habitsExtra;
    io.out(
      `  Habits${day.habitsExtra ? ' (extra, on top of your study time)' : ' (inside your study time)'}${fitted ? io.style('dim', ` — the routine asks ${formatMinutes(day.habitMinutesAsked)}, fitted into the day`) : ''}:`,
    );
    for (const habit of day.habits) {
      const time = habit.minutes === null ? '' : formatMinutes(habit.minutes);
      io.out(`  ${time.padStart(7)}  ${habit.title}${io.style('dim', ` (${habit.block})`)}`);
    }
  }
  for (const milestone of day.milestones) {
    const state = milestone.reached
      ? 'reached'
      : `open: ${milestone.openItems.map((item) => item.title).join('; ')}`;
    io.out(`  Milestone due: ${milestone.title} (${milestone.roadmapId}) — ${state}`);
  }
}

export function printWeek(week: WeekView, io: Io): void {
  io.out(io.style('bold', `Week ${week.from} to ${week.to}`));
  const several = new Set(week.days.flatMap((day) => day.items.map((item) => item.roadmapId))).size > 1;
  for (const day of week.days) {
    const mark = day.date === week.today ? ' (today)' : '';
    io.out(`${day.weekday} ${day.date}${mark}  ${io.style('dim', dayTotals(day))}`);
    if (day.items.length === 0)
      io.out(io.style('dim', `         ${day.dayOff ? 'day off' : 'nothing planned'}`));
    printDayItems(day, io, several);
  }
  io.out(
    io.style(
      'dim',
      `${week.studiedMinutes > 0 ? `${formatMinutes(week.studiedMinutes)} studied + ` : ''}${formatMinutes(week.plannedMinutes)} planned + ${formatMinutes(week.reviewMinutes)} review + ${formatMinutes(week.habitMinutes)} habits this week, of ${formatMinutes(week.capacityMinutes)}`,
    ),
  );
}
