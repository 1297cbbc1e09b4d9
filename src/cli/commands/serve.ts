import { spawn } from 'node:child_process';
import { WaymarkError } from '../../core/errors.js';
import { DEFAULT_PORT, startServer } from '../../server/start-server.js';
import type { Io } from '../io.js';
import type { StoreOptions } from '../with-workspace.js';

export interface ServeOptions extends StoreOptions {
  port?: string;
  open?: boolean;
  bundled?: boolean;
}

/** `waymark serve [--port N] [--open] [--bundled]`: the dashboard and API on 127.0.0.1 until Ctrl-C. */
export async function serveCommand(
  options: ServeOptions,
  io: Io,
  signals: NodeJS.EventEmitter = process,
): Promise<void> {
  const port = parsePort(options.port, io.env.PORT);
  const server = await startServer({
    ...(options.db ? { db: options.db } : {}),
    port,
    env: io.env,
    bundled: options.bundled ?? false,
    onUnexpectedError: (error) => {
      io.warn(
        `waymark serve: unexpected error on a request: ${error instanceof Error ? error.message : String(error)}`,
      );
      if (io.env.WAYMARK_DEBUG && error instanceof Error && error.stack) io.warn(error.stack);
    },
  });
  if (server.imported.length > 0) io.out(`Imported the bundled roadmaps: ${server.imported.join(', ')}`);
  io.out(`Waymark dashboard: ${server.url}`);
  io.out(io.style('dim', `  store ${server.storePath} · press Ctrl-C to stop`));
  if (options.open) openBrowser(server.url, io);
  await new Promise<void>((resolve) => {
    const stop = () => {
      signals.off('SIGINT', stop);
      signals.off('SIGTERM', stop);
      resolve();
    };
    signals.on('SIGINT', stop);
    signals.on('SIGTERM', stop);
  });
  io.out('Stopping…');
  await server.close();
}

function parsePort(flag: string | undefined, fromEnv: string | undefined): number {
  const [text, source] =
    flag !== undefined
      ? [flag, '--port']
      : fromEnv !== undefined && fromEnv !== ''
        ? [fromEnv, 'PORT']
        : [undefined, ''];
  if (text === undefined) return DEFAULT_PORT;
  const port = /^\d{1,5}$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!Number.isInteger(port) || port > 65_535) {
    throw new WaymarkError(
      'USAGE',
      `${source} must be a port number from 0 to 65535 (got "${text}").`,
      `e.g. --port ${DEFAULT_PORT}`,
    );
  }
  return port;
}

function openBrowser(url: string, io: Io): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => io.warn(`Could not open a browser; open ${url} yourself.`));
    child.unref();
  } catch {
    io.warn(`Could not open a browser; open ${url} yourself.`);
  }
}
