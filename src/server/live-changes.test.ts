import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChangeMark, Store } from '../store/port.js';
import { LiveChanges } from './live-changes.js';

function fakeStore() {
  let mark: ChangeMark = { seq: 0, roadmaps: '' };
  let reads = 0;
  let failing = false;
  const store = {
    changeMark: () => {
      reads++;
      if (failing) throw new Error('database is locked');
      return mark;
    },
  } as unknown as Store;
  return {
    store,
    set: (next: Partial<ChangeMark>) => {
      mark = { ...mark, ...next };
    },
    fail: (value: boolean) => {
      failing = value;
    },
    reads: () => reads,
  };
}

describe('LiveChanges', () => {
  afterEach(() => vi.useRealTimers());

  it('polls only while someone listens, tells every listener once per change, and stops on close', () => {
    vi.useFakeTimers();
    const fake = fakeStore();
    const live = new LiveChanges(fake.store, 250);
    expect(live.polling).toBe(false);
    const a: number[] = [];
    const b: number[] = [];
    const stopA = live.subscribe((mark) => a.push(mark.seq));
    live.subscribe((mark) => b.push(mark.seq));
    expect(live.polling).toBe(true);
    vi.advanceTimersByTime(1_000);
    expect(a).toEqual([]);
    fake.set({ seq: 3 });
    vi.advanceTimersByTime(250);
    fake.set({ roadmaps: 'r:sha' });
    vi.advanceTimersByTime(1_000);
    expect(a).toEqual([3, 3]);
    expect(b).toEqual([3, 3]);
    stopA();
    expect(live.polling).toBe(true);
    live.close();
    expect(live.polling).toBe(false);
    const reads = fake.reads();
    vi.advanceTimersByTime(5_000);
    expect(fake.reads()).toBe(reads);
  });

  it('stops when the last listener leaves and keeps going through a busy store', () => {
    vi.useFakeTimers();
    const fake = fakeStore();
    const errors: unknown[] = [];
    const live = new LiveChanges(fake.store, 100, (error) => errors.push(error));
    const seen: number[] = [];
    const stop = live.subscribe((mark) => seen.push(mark.seq));
    fake.fail(true);
    fake.set({ seq: 1 });
    vi.advanceTimersByTime(300);
    expect(errors.length).toBeGreaterThan(0);
    fake.fail(false);
    vi.advanceTimersByTime(100);
    expect(seen).toEqual([1]);
    stop();
    expect(live.polling).toBe(false);
  });
});
