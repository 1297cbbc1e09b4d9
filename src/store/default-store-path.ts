/** Where the local database lives when neither `--db` nor a config says otherwise. Pure: pass env and OS in. */
import path from 'node:path';

const FILE = 'waymark.db';

export function defaultStorePath(
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform,
  homedir: string,
): string {
  if (env.WAYMARK_DB) return env.WAYMARK_DB;
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA || path.win32.join(homedir, 'AppData', 'Local');
    return path.win32.join(local, 'Waymark', FILE);
  }
  if (platform === 'darwin')
    return path.posix.join(homedir, 'Library', 'Application Support', 'Waymark', FILE);
  // XDG: a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = env.XDG_DATA_HOME;
  const data = xdg && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(homedir, '.local', 'share');
  return path.posix.join(data, 'waymark', FILE);
}
