/** Text output of the planning commands: capacity, plan, agenda and week. */
import type { AgendaView, WeekView } from '../../app/agenda-view.js';
import type { CapacityView, PlanView, SettingsView } from '../../app/planning-service.js';
import type { Io } from '../io.js';
import { formatMinutes } from './progress-bar.js';

const SHORT_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
/** Monday first, as a week reads. */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

export const hours = (value: number) => `${Math.round(value * 100) / 100} h`;
const range = (min: number, max: number) =>
  Math.round(min) === Math.round(max) ? `${Math.round(max)} h` : `${Math.round(min)}–${Math.round(max)} h`;

const SOURCE: Record<CapacityView['source'], string> = {
  roadmap: 'set for this roadmap',
  global: 'your global capacity',
  routine: "from the roadmap's routine",
  default: 'default: set yours with `waymark capacity`',
};

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
  io.out(`Capacity for ${view.roadmapId}:`);
  for (const line of capacityLines(view.capacity)) io.out(line);
  if (view.startDate) io.out(`  Start: ${view.startDate}`);
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
  if (plan.target === null) return undefined;
  const whose = plan.targetSource === 'roadmap' ? " (the roadmap's date)" : '';
  if (plan.targetPassed) {
    return `Target ${plan.target}${whose} has passed; the plan finishes ${plan.daysBehind} days after it. Set a new one: waymark target ${plan.roadmapId} DATE`;
  }
  const days = Math.abs(plan.daysBehind ?? 0);
  const status = plan.onTrack
    ? `on track${days > 0 ? `, ${days} days ahead` : ''}`
    : `behind by ${days} day${days === 1 ? '' : 's'}`;
  const needed =
    plan.hoursPerWeekNeeded === null
      ? 'no study day is left before it'
      : `${hours(plan.hoursPerWeekNeeded)} a week would make it (you have ${hours(plan.capacity.weeklyHours)})${plan.feasible ? '' : ', more than the days can hold'}`;
  return `Target ${plan.target}${whose}: ${status}; ${needed}.`;
}

export function printPlan(plan: PlanView, io: Io, showItems: boolean): void {
  io.out(`${io.style('bold', plan.title)}  ${io.style('dim', plan.roadmapId)}`);
  io.out(
    `  Remaining: ${plan.remaining.items} items, ${range(plan.remaining.hours.min, plan.remaining.hours.max)} · ${hours(plan.capacity.weeklyHours)} a week (${SOURCE[plan.capacity.source]})${plan.reviewMinutesPerDay > 0 ? ` · ${Math.round(plan.reviewMinutesPerDay)} min a day kept for review` : ''}`,
  );
  const start = plan.start !== plan.today ? ` (starting ${plan.start})` : '';
  const finish =
    plan.finish.min === plan.finish.max ? plan.finish.max : `${plan.finish.min} to ${plan.finish.max}`;
  io.out(`  Finish: ${io.style('bold', finish)}${start}`);
  const target = targetLine(plan);
  if (target) io.out(`  ${plan.onTrack ? io.style('green', target) : io.style('yellow', target)}`);
  const forecast = plan.forecast;
  io.out(
    forecast.enoughHistory && forecast.p50 !== null && forecast.p85 !== null
      ? `  Forecast at your pace: P50 ${forecast.p50}, P85 ${forecast.p85} (${forecast.pace.itemsPerWeek} items a week over ${forecast.pace.weeks} weeks)`
      : `  Forecast: ${forecast.message}`,
  );
  const open = plan.phases.filter((phase) => !phase.done);
  const done = plan.phases.length - open.length;
  if (plan.phases.length > 0) {
    const width = Math.min(48, Math.max(...plan.phases.map((phase) => phase.title.length)));
    io.out(io.style('dim', `  ${'Phase'.padEnd(width)}  Start       End`));
    for (const phase of open) {
      const title = phase.title.length > width ? `${phase.title.slice(0, width - 1)}…` : phase.title;
      const end =
        phase.endMin && phase.endMin !== phase.end
          ? `${phase.end} (${phase.endMin} at min effort)`
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
  const open = agenda.roadmaps.filter((roadmap) => !roadmap.nothingLeft);
  if (open.length === 0) {
    io.out('  Nothing left to plan. Import a roadmap: waymark import ai-engineer');
    return;
  }
  if (agenda.planned.length === 0) {
    const off = open.every((roadmap) => roadmap.dayOff || roadmap.capacityMinutes === 0);
    io.out(`  ${off ? 'A day off: nothing planned.' : 'Nothing planned for this day.'}`);
  }
  const several = open.length > 1;
  for (const item of agenda.planned) {
    const part = item.parts > 1 ? io.style('dim', ` (part ${item.part} of ${item.parts})`) : '';
    const where = several ? io.style('dim', `${item.roadmapId}:`) : '';
    io.out(
      `  ${formatMinutes(item.minutes).padStart(7)}  ${where}${io.style('dim', item.nodeId)} ${item.title}${part}`,
    );
  }
  if (agenda.reviewMinutes > 0) io.out(`  ${formatMinutes(agenda.reviewMinutes).padStart(7)}  spaced review`);
  const elsewhere = agenda.inProgress.filter((item) => !item.plannedOnDay);
  if (elsewhere.length > 0) {
    io.out('  In progress:');
    for (const item of elsewhere) {
      io.out(
        `  ${formatMinutes(item.minutes).padStart(7)}  ${io.style('dim', item.nodeId)} ${item.title}${io.style('dim', ` (${formatMinutes(item.loggedMinutes)} logged)`)}`,
      );
    }
  }
  if (agenda.habits.length > 0) {
    io.out('  Habits:');
    for (const habit of agenda.habits) {
      const time = habit.minutes === null ? '' : formatMinutes(habit.minutes);
      io.out(`  ${time.padStart(7)}  ${habit.title}${io.style('dim', ` (${habit.block})`)}`);
    }
  }
  const capacity = open.reduce((sum, roadmap) => sum + roadmap.capacityMinutes, 0);
  io.out(
    io.style(
      'dim',
      `  ${formatMinutes(agenda.plannedMinutes + agenda.reviewMinutes)} planned of ${formatMinutes(capacity)} available`,
    ),
  );
}

export function printWeek(week: WeekView, io: Io): void {
  io.out(io.style('bold', `Week ${week.from} to ${week.to}`));
  for (const day of week.days) {
    const capacity = day.roadmaps.reduce((sum, roadmap) => sum + roadmap.capacityMinutes, 0);
    const mark = day.date === week.today ? ' (today)' : '';
    io.out(
      `${day.weekday} ${day.date}${mark}  ${io.style('dim', `${formatMinutes(day.plannedMinutes)} of ${formatMinutes(capacity)}`)}`,
    );
    printAgendaItems(day, io);
  }
  io.out(
    io.style(
      'dim',
      `${formatMinutes(week.plannedMinutes)} planned this week of ${formatMinutes(week.capacityMinutes)}`,
    ),
  );
}

function printAgendaItems(day: AgendaView, io: Io): void {
  if (day.planned.length === 0) io.out(io.style('dim', '         nothing planned'));
  for (const item of day.planned) {
    io.out(`  ${formatMinutes(item.minutes).padStart(7)}  ${io.style('dim', item.nodeId)} ${item.title}`);
  }
}
