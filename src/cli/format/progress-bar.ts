/** A fixed-width bar: "████████░░░░ 67%". */
export function progressBar(ratio: number, width = 12): string {
  const clamped = Math.max(0, Math.min(1, Number.isFinite(ratio) ? ratio : 0));
  const filled = Math.round(clamped * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${String(Math.round(clamped * 100)).padStart(3)}%`;
}

/** "1h 30m", "45m", "0m": the dashboard writes the same text (both are core's durationText). */
export { durationText as formatMinutes } from '../../core/format/duration-text.js';
