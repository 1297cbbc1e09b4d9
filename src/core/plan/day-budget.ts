/**
 * One day of the learner's time: the capacity, what spaced review and routine habits keep of it, and what is
 * left for roadmap work. Habits and review are inside the capacity by default; habits may be declared extra
 * (on top, shown as such). Automatic reserves never take more than half of a study day, so roadmap work
 * always moves; a review time the learner typed is kept as given (up to the whole day). Time already studied
 * on the day (a plan made during it) comes out of the capacity first: review time out of the review reserve,
 * the rest out of what is left, so what was studied plus what is planned never exceeds the day.
 */

export interface ReserveRule {
  /** Habits are on top of the capacity (the learner said so), not inside it. */
  habitsExtra: boolean;
  /** The review time was given explicitly (`--review-minutes`): keep it whole, up to the day's capacity. */
  reviewExplicit: boolean;
}

export interface DayBudget {
  capacity: number;
  review: number;
  /** Habit hours shown on the day (inside the capacity, or on top when `habitsExtra`). */
  habits: number;
  /** Habit hours the routines ask for, before fitting them into the day. */
  habitsAsked: number;
  habitsExtra: boolean;
  /** Left for roadmap work: capacity - studied - review - (habits inside). */
  work: number;
  /** Hours already studied on the day when it was planned (work, review and time on no item). */
  studied: number;
}

/** Hours logged on a day before it is planned: spaced review apart, since it fills the review reserve. */
export interface StudiedHours {
  work: number;
  review: number;
}

const NOTHING_STUDIED: StudiedHours = { work: 0, review: 0 };

/** Share of a study day automatic reserves (review and habits together) may take at most. */
export const MAX_RESERVE_SHARE = 0.5;

export function dayBudget(
  capacity: number,
  review: number,
  habits: number,
  rule: ReserveRule,
  studied: StudiedHours = NOTHING_STUDIED,
): DayBudget {
  const spent = studied.work + studied.review;
  if (!(capacity > 0)) {
    return {
      capacity: 0,
      review: 0,
      habits: 0,
      habitsAsked: 0,
      habitsExtra: rule.habitsExtra,
      work: 0,
      studied: spent,
    };
  }
  const limit = capacity * MAX_RESERVE_SHARE;
  const keptReview = rule.reviewExplicit ? Math.min(review, capacity) : Math.min(review, limit);
  const reviewLeft = Math.max(0, Math.min(keptReview - studied.review, capacity - spent));
  const open = Math.max(0, capacity - spent - reviewLeft);
  const keptHabits = rule.habitsExtra ? habits : Math.min(habits, Math.max(0, limit - keptReview), open);
  const work = Math.max(0, open - (rule.habitsExtra ? 0 : keptHabits));
  return {
    capacity,
    review: reviewLeft,
    habits: keptHabits,
    habitsAsked: habits,
    habitsExtra: rule.habitsExtra,
    work,
    studied: spent,
  };
}
