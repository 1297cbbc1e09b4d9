import { expect, it } from 'vitest';
import type { ChangeMark, Store } from '../store/port.js';
import { RecentMark } from './recent-mark.js';

it('re-reads the change mark only when it is older than the limit, or forgotten, or told a newer one', () => {
  let seq = 1;
  let reads = 0;
  const store = {
    changeMark: (): ChangeMark => {
      reads++;
      return { seq, roadmaps: '' };
    },
  } as unknown as Store;
  let now = 0;
  const marks = new RecentMark(store, 100, () => now);
  expect(marks.current().seq).toBe(1);
  seq = 2;
  now = 99;
  expect(marks.current().seq).toBe(1);
  expect(reads).toBe(1);
  now = 100;
  expect(marks.current().seq).toBe(2);
  seq = 3;
  marks.forget();
  expect(marks.current().seq).toBe(3);
  marks.remember({ seq: 4, roadmaps: '' });
  expect(marks.current().seq).toBe(4);
  expect(reads).toBe(3);
});
