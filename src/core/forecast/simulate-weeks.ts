/**
 * One Monte Carlo run set: each trial draws a past week's throughput at random (bootstrap) until the
 * remaining work is done, and reports the day offset of its finish.
 */

/** Trials that have not finished after ten years stop there: the forecast says "beyond" instead of looping. */
export const HORIZON_WEEKS = 522;

export interface Simulation {
  /** Finish day offsets from today, sorted ascending (day 0 = today). */
  offsets: Int32Array;
  /** Share of trials that reached the horizon unfinished. */
  beyondHorizon: number;
}

/**
 * The last week is counted in part: finishing 2 items of a 5-item week takes 2/5 of it. N weeks of work
 * starting today end on day 7N - 1, the planner's convention (the finish is the last day of work).
 */
export function simulateWeeks(
  throughput: readonly number[],
  remaining: number,
  trials: number,
  random: () => number,
): Simulation {
  const offsets = new Int32Array(trials);
  const n = throughput.length;
  let beyond = 0;
  for (let trial = 0; trial < trials; trial++) {
    let left = remaining;
    let weeks = 0;
    let fraction = 1;
    while (left > 0 && weeks < HORIZON_WEEKS) {
      const done = throughput[Math.floor(random() * n)] ?? 0;
      weeks++;
      if (done >= left) fraction = left / done;
      left -= done;
    }
    if (left > 0) beyond++;
    const days = left > 0 ? weeks * 7 : Math.ceil((weeks - 1 + fraction) * 7 - 1e-9);
    offsets[trial] = Math.max(0, days - 1);
  }
  offsets.sort();
  return { offsets, beyondHorizon: trials > 0 ? beyond / trials : 0 };
}

/** Nearest-rank percentile of sorted offsets: at least `p` of the trials finish on or before it. */
export function percentile(sorted: Int32Array, p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[index] ?? 0;
}
