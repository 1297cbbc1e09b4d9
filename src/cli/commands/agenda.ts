import { agendaView, nextAgenda, weekView } from '../../app/agenda-view.js';
import { learnerTimeZone } from '../../app/learner-clock.js';
import { printAgenda, printWeek } from '../format/plan-text.js';
import type { Io } from '../io.js';
import { type StoreOptions, withWorkspace } from '../with-workspace.js';
import { reviewMinutesOption } from './plan.js';

export interface AgendaOptions extends StoreOptions {
  date?: string;
  roadmap?: string;
  reviewMinutes?: string;
  json?: boolean;
}

function request(options: AgendaOptions, io: Io) {
  const review = reviewMinutesOption(options.reviewMinutes);
  return {
    timeZone: learnerTimeZone(io.env),
    ...(options.date !== undefined ? { date: options.date } : {}),
    ...(options.roadmap !== undefined ? { roadmapId: options.roadmap } : {}),
    ...(review !== undefined ? { reviewMinutesPerDay: review } : {}),
  };
}

/** `waymark today [--date D]`: the day's planned items, items in progress and habits due. */
export async function todayCommand(options: AgendaOptions, io: Io): Promise<void> {
  await withWorkspace(
    options,
    io,
    (workspace) => {
      const agenda = agendaView(workspace, request(options, io));
      if (options.json) return io.out(JSON.stringify(agenda));
      printAgenda(agenda, io);
    },
    'read',
  );
}

/** `waymark next`: the agenda of the next day with planned work (today when it has some). */
export async function nextCommand(options: AgendaOptions, io: Io): Promise<void> {
  await withWorkspace(
    options,
    io,
    (workspace) => {
      const agenda = nextAgenda(workspace, request(options, io));
      if (options.json) return io.out(JSON.stringify(agenda));
      printAgenda(agenda, io);
    },
    'read',
  );
}

/** `waymark week [--date D]`: the seven days from today (or D). */
export async function weekCommand(options: AgendaOptions, io: Io): Promise<void> {
  await withWorkspace(
    options,
    io,
    (workspace) => {
      const week = weekView(workspace, request(options, io));
      if (options.json) return io.out(JSON.stringify(week));
      printWeek(week, io);
    },
    'read',
  );
}
