import { expect, it } from 'vitest';
import { ViewCache } from './view-cache.js';

it('computes once per key and version, forgets everything when the version changes, and evicts the oldest', () => {
  const cache = new ViewCache(2);
  let computed = 0;
  const view = (value: unknown) => () => {
    computed++;
    return value;
  };
  expect(cache.get('v1', '/a', view({ a: 1 }))).toBe('{"a":1}');
  expect(cache.get('v1', '/a', view({ a: 2 }))).toBe('{"a":1}');
  expect(computed).toBe(1);
  expect(cache.get('v2', '/a', view({ a: 3 }))).toBe('{"a":3}');
  cache.get('v2', '/b', view(1));
  cache.get('v2', '/a', view(0)); // refreshes /a
  cache.get('v2', '/c', view(2)); // evicts /b, the least recently used
  expect(cache.get('v2', '/a', view(9))).toBe('{"a":3}');
  expect(cache.get('v2', '/b', view(4))).toBe('4');
});
