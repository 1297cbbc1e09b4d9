import { describe, expect, it } from 'vitest';
import { WaymarkError } from '../errors.js';
import { validateEvent } from './events.js';

const base = {
  id: 'e1',
  roadmapId: 'ai',
  nodeId: '1.2',
  at: '2025-03-01T09:30:00.000Z',
  recordedAt: '2025-03-01T09:30:01.000Z',
  changeId: 'c1',
};

const valid = [
  { type: 'status', status: 'done' },
  { type: 'log', minutes: 45, note: 'chapter 3' },
  { type: 'log', minutes: 30, nodeId: null },
  { type: 'note', text: 'Aurélien Géron, ch. 2 ✔' },
  { type: 'evidence', kind: 'certificate', ref: 'https://coursera.org/verify/ABC' },
  { type: 'estimate', hours: 0 },
  { type: 'undo', undoes: 'c0', nodeId: null },
  { type: 'rename', from: '1.2', to: '1.3' },
  { type: 'archive' },
  { type: 'setting', key: 'capacity', value: { mon: 2, sat: [1, 2] }, nodeId: null },
  { type: 'review', rating: 3 },
];

function messageOf(value: unknown, where?: string): string {
  try {
    validateEvent(value, where);
  } catch (error) {
    expect(error).toBeInstanceOf(WaymarkError);
    expect((error as WaymarkError).code).toBe('INPUT');
    return (error as Error).message;
  }
  throw new Error('expected validateEvent to throw');
}

describe('validateEvent', () => {
  it.each(valid)('accepts a $type event unchanged', (fields) => {
    const event = { ...base, seq: 7, ...fields };
    expect(validateEvent(event)).toEqual(event);
  });

  it('normalizes times so that they sort as text', () => {
    const event = validateEvent({ ...base, type: 'archive', at: '2025-03-01T09:30:00Z' });
    expect(event.at).toBe('2025-03-01T09:30:00.000Z');
  });

  it.each([
    [null, 'expected a JSON object'],
    [[], 'expected a JSON object'],
    [{ ...base, type: 'finish' }, '"type" must be one of status, log'],
    [{ ...base, type: 'status' }, 'status event "e1": missing field "status"'],
    [{ ...base, type: 'status', status: 'done', extra: 1 }, 'unknown field "extra"'],
    [{ ...base, type: 'status', status: 'finished' }, '"status" must be one of todo, doing, done, skipped'],
    [{ ...base, type: 'status', status: 'done', nodeId: null }, '"nodeId" is required'],
    [{ ...base, type: 'status', status: 'done', nodeId: '' }, '"nodeId" must be a non-empty string or null'],
    [{ ...base, type: 'archive', at: '2025-03-01 09:30' }, '"at" must be an ISO-8601 UTC time'],
    [{ ...base, type: 'archive', at: '2025-02-30T09:30:00Z' }, '"at" must be an ISO-8601 UTC time'],
    [{ ...base, type: 'archive', recordedAt: undefined }, '"recordedAt" must be an ISO-8601'],
    [{ ...base, type: 'archive', id: '' }, '"id" must be a non-empty string'],
    [{ ...base, type: 'archive', seq: 0 }, '"seq" must be a positive integer'],
    [{ ...base, type: 'log', minutes: 0 }, '"minutes" must be a positive number'],
    [{ ...base, type: 'log', minutes: Number.NaN }, '"minutes" must be a positive number'],
    [{ ...base, type: 'log', minutes: 5, note: 3 }, '"note" must be a string'],
    [{ ...base, type: 'estimate', hours: -1 }, '"hours" must be a non-negative number'],
    [{ ...base, type: 'evidence', kind: 'tweet', ref: 'x' }, '"kind" must be one of certificate'],
    [{ ...base, type: 'archive', title: '' }, '"title" must be a non-empty string'],
    [{ ...base, type: 'archive', path: ['A', 2] }, '"path" must be a list of titles'],
    [{ ...base, type: 'review', rating: 5 }, '"rating" must be 1, 2, 3 or 4'],
    [{ ...base, type: 'setting', key: 'goal', value: () => 1 }, '"value" must be a JSON value'],
    // The limits of CLI and API input hold for every event, a restored one included.
    [{ ...base, type: 'archive', at: '0026-11-20T12:00:00.000Z' }, '"at" must be from 1970 on'],
    [{ ...base, type: 'archive', recordedAt: '1969-12-31T23:59:59Z' }, '"recordedAt" must be from 1970 on'],
    [{ ...base, type: 'log', minutes: 1e12 }, '"minutes" must be at most 1440 (got 1000000000000)'],
    [{ ...base, type: 'log', minutes: 5, note: 'x'.repeat(20_001) }, '"note" must be at most 20000'],
    [{ ...base, type: 'note', text: 'x'.repeat(20_001) }, '"text" must be at most 20000 characters'],
    [{ ...base, type: 'evidence', kind: 'link', ref: 'x'.repeat(2_001) }, '"ref" must be at most 2000'],
    [{ ...base, type: 'estimate', hours: 10_001 }, '"hours" must be at most 10000'],
  ])('refuses %j', (value, expected) => {
    expect(messageOf(value)).toContain(expected);
  });

  it('names where the event came from', () => {
    expect(messageOf({ ...base, type: 'review', rating: 0 }, 'event on line 12 of backup.jsonl')).toBe(
      'Invalid event on line 12 of backup.jsonl: review event "e1": "rating" must be 1, 2, 3 or 4.',
    );
  });

  it('refuses setting values that JSON cannot hold (cycles, BigInt)', () => {
    const value: Record<string, unknown> = {};
    value.self = value;
    expect(messageOf({ ...base, type: 'setting', key: 'k', value })).toContain(
      '"value" must be a JSON value',
    );
    expect(messageOf({ ...base, type: 'setting', key: 'k', value: 10n })).toContain(
      '"value" must be a JSON value',
    );
  });
});
