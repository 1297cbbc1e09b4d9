/**
 * Live updates: one poller of the store's change mark shared by every open event stream. A write from any
 * process (the CLI, another server) reaches every client within one poll interval. The poller runs only
 * while someone listens.
 */
import type { ChangeMark, Store } from '../store/port.js';

export type ChangeListener = (mark: ChangeMark) => void;

export class LiveChanges {
  private readonly listeners = new Set<ChangeListener>();
  private timer: NodeJS.Timeout | undefined;
  private last: ChangeMark | undefined;

  constructor(
    private readonly store: Store,
    private readonly intervalMs = 250,
    private readonly onError: (error: unknown) => void = () => {},
    /** Told every mark read, changed or not (the read cache reuses it). */
    private readonly onMark: (mark: ChangeMark) => void = () => {},
  ) {}

  get listenerCount(): number {
    return this.listeners.size;
  }

  get polling(): boolean {
    return this.timer !== undefined;
  }

  /** Starts listening; returns the function that stops. */
  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    if (!this.timer) {
      this.last = this.read();
      this.timer = setInterval(() => this.poll(), this.intervalMs);
      this.timer.unref();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  /** The mark as of now (for a new client's first message). */
  current(): ChangeMark | undefined {
    return this.last ?? this.read();
  }

  close(): void {
    this.listeners.clear();
    this.stop();
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.last = undefined;
  }

  private read(): ChangeMark | undefined {
    try {
      const mark = this.store.changeMark();
      this.onMark(mark);
      return mark;
    } catch (error) {
      // A busy or briefly locked store: try again at the next tick rather than dropping clients.
      this.onError(error);
      return undefined;
    }
  }

  private poll(): void {
    const mark = this.read();
    if (!mark) return;
    const last = this.last;
    this.last = mark;
    if (last && last.seq === mark.seq && last.roadmaps === mark.roadmaps) return;
    for (const listener of [...this.listeners]) listener(mark);
  }
}
