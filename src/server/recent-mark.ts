/**
 * The store's change mark, re-read at most every `maxAgeMs`: under load, reads then cost no query at all.
 * A write through this server forgets it (its own changes show at once); another process's write shows within
 * `maxAgeMs`, and the live-update poller refreshes it when it sees one, before telling the dashboard.
 */
import type { ChangeMark, Store } from '../store/port.js';

export class RecentMark {
  private mark: ChangeMark | undefined;
  private readAt = 0;

  constructor(
    private readonly store: Store,
    private readonly maxAgeMs = 100,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  current(): ChangeMark {
    const now = this.clock();
    if (!this.mark || now - this.readAt >= this.maxAgeMs) this.remember(this.store.changeMark(), now);
    return this.mark as ChangeMark;
  }

  remember(mark: ChangeMark, at = this.clock()): void {
    this.mark = mark;
    this.readAt = at;
  }

  forget(): void {
    this.mark = undefined;
  }
}
