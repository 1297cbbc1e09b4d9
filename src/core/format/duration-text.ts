/**
 * The one way a duration in minutes is written in every view (CLI, dashboard, API messages): "45m", "2h",
 * "1h 59m". Rounded to whole minutes first, so the minutes part is never 60. The text is one the learner can
 * type back into `waymark log` (parse-study-duration.ts reads it as the same minutes).
 */
export function durationText(minutes: number): string {
  // Unknown is not zero: a NaN or infinite duration says so instead of claiming "0m".
  if (!Number.isFinite(minutes)) return '?';
  const whole = Math.round(Math.abs(minutes));
  // A negative duration (an overrun computed as "left") keeps its sign; -0.2 rounds to plain "0m".
  const sign = minutes < 0 && whole > 0 ? '-' : '';
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours === 0) return `${sign}${rest}m`;
  return rest === 0 ? `${sign}${hours}h` : `${sign}${hours}h ${rest}m`;
}
