/**
 * The built dashboard (dist/web): files as they are, any other non-API path falls back to index.html so the
 * dashboard's own routes survive a reload. Without a build, a short page says how to make one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono, MiddlewareHandler } from 'hono';

export function mountWeb(app: Hono, webRoot: string | undefined): void {
  const index = webRoot === undefined ? undefined : join(webRoot, 'index.html');
  if (webRoot !== undefined) {
    app.use('/assets/*', async (c, next) => {
      await next();
      // Vite names built assets by content hash: they never change under the same name.
      if (c.res.status === 200) c.res.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
    });
    // Created once the build exists, so a server started before `npm run build` picks it up.
    let files: MiddlewareHandler | undefined;
    app.use('/*', (c, next) => {
      if (!files && existsSync(webRoot)) files = serveStatic({ root: webRoot });
      return files ? files(c, next) : next();
    });
  }
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/')) return c.notFound();
    if (index !== undefined && existsSync(index)) {
      c.header('Cache-Control', 'no-cache');
      return c.html(readFileSync(index, 'utf8'));
    }
    return c.html(NOT_BUILT, 200);
  });
}

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Waymark</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem">
<h1>Waymark</h1>
<p>The API is running, but the dashboard has not been built yet.</p>
<p>Run <code>npm run build</code> in the Waymark folder, then reload this page.</p>
<p>The API is at <a href="/api/openapi.json">/api/openapi.json</a>.</p>
</body></html>`;
