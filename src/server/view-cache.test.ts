import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { type CachedBody, ViewCache } from './view-cache.js';

const text = (body: CachedBody) => new TextDecoder().decode(body.json);

it('computes once per key and version, forgets everything when the version changes, and evicts the oldest', () => {
  const cache = new ViewCache(2);
  let computed = 0;
  const view = (value: unknown) => () => {
    computed++;
    return value;
  };
  expect(text(cache.get('v1', '/a', view({ a: 1 })))).toBe('{"a":1}');
  expect(text(cache.get('v1', '/a', view({ a: 2 })))).toBe('{"a":1}');
  expect(computed).toBe(1);
  expect(text(cache.get('v2', '/a', view({ a: 3 })))).toBe('{"a":3}');
  cache.get('v2', '/b', view(1));
  cache.get('v2', '/a', view(0)); // refreshes /a
  cache.get('v2', '/c', view(2)); // evicts /b, the least recently used
  expect(text(cache.get('v2', '/a', view(9)))).toBe('{"a":3}');
  expect(text(cache.get('v2', '/b', view(4)))).toBe('4');
});

it('gzips a large body once, and leaves small ones alone', () => {
  const cache = new ViewCache();
  const big = cache.get('v', '/big', () => ({
    items: Array.from({ length: 500 }, (_, i) => ({ id: i, title: 'x'.repeat(20) })),
  }));
  const gzip = big.gzip();
  expect(gzip).toBeDefined();
  expect(big.gzip()).toBe(gzip);
  expect((gzip as Uint8Array).byteLength).toBeLessThan(big.json.byteLength / 4);
  expect(gunzipSync(gzip as Uint8Array).toString()).toBe(text(big));
  expect(cache.get('v', '/small', () => ({ ok: true })).gzip()).toBeUndefined();
});
