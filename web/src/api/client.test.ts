import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, forgetSessionToken, TOKEN_HEADER } from './client';

/** A stand-in server: records what the page sends, answers like the real one. */
function fakeServer() {
  let token = 'token-1';
  const calls: {
    method: string;
    path: string;
    headers: Record<string, string>;
    body?: string;
    referrerPolicy?: string;
  }[] = [];
  const fetchStub = vi.fn(async (path: string, init: RequestInit = {}) => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    const method = init.method ?? 'GET';
    calls.push({
      method,
      path,
      headers,
      ...(typeof init.body === 'string' ? { body: init.body } : {}),
      ...(init.referrerPolicy ? { referrerPolicy: init.referrerPolicy } : {}),
    });
    if (path === '/api/session') return Response.json({ token });
    if (method !== 'GET' && headers[TOKEN_HEADER] !== token)
      return Response.json({ error: { code: 'FORBIDDEN', message: 'no token' } }, { status: 403 });
    if (typeof init.body === 'string' && init.body.includes('"busy"'))
      return Response.json(
        { error: { code: 'BUSY', message: 'The store is busy.' } },
        { status: 503, headers: { 'Retry-After': '3' } },
      );
    return Response.json({ ok: true, method });
  });
  return {
    calls,
    fetchStub,
    restart: () => {
      token = 'token-2';
    },
  };
}

let server: ReturnType<typeof fakeServer>;
beforeEach(() => {
  forgetSessionToken();
  server = fakeServer();
  vi.stubGlobal('fetch', server.fetchStub);
});
afterEach(() => vi.unstubAllGlobals());

describe('the API client', () => {
  it('reads without a token, and writes JSON with the token it read once', async () => {
    await api.get('/api/roadmaps');
    expect(server.calls.map((c) => c.path)).toEqual(['/api/roadmaps']);
    await api.post('/api/status', { items: ['r:1'], status: 'done' });
    await api.put('/api/settings/r', {});
    await api.post('/api/undo', {});
    const writes = server.calls.filter((c) => c.method !== 'GET');
    expect(server.calls.filter((c) => c.path === '/api/session')).toHaveLength(1);
    for (const write of writes) {
      expect(write.headers[TOKEN_HEADER]).toBe('token-1');
      expect(write.headers['content-type']).toBe('application/json');
      expect(write.referrerPolicy).toBe('same-origin');
      expect(() => JSON.parse(write.body as string)).not.toThrow();
    }
    expect(writes.at(-1)?.body).toBe('{}');
  });

  it('reads the new token once when the server restarted, and retries the write', async () => {
    await api.post('/api/notes', { item: 'r:1', text: 'a' });
    server.restart();
    await expect(api.post('/api/notes', { item: 'r:1', text: 'b' })).resolves.toEqual({
      ok: true,
      method: 'POST',
    });
    expect(server.calls.filter((c) => c.path === '/api/session')).toHaveLength(2);
  });

  it('passes a 503 on with its Retry-After', async () => {
    const error = await api.post('/api/undo', { change: 'busy' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503, code: 'BUSY', retryAfterSeconds: 3 });
  });
});
