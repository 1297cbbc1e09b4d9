import { describe, expect, it } from 'vitest';
import { defaultStorePath } from './default-store-path.js';

describe('defaultStorePath', () => {
  it('prefers WAYMARK_DB everywhere', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(defaultStorePath({ WAYMARK_DB: '/tmp/x.db', XDG_DATA_HOME: '/d' }, platform, '/home/ada')).toBe(
        '/tmp/x.db',
      );
    }
  });

  it('follows XDG on Linux, with the spec’s fallback', () => {
    expect(defaultStorePath({ XDG_DATA_HOME: '/data' }, 'linux', '/home/ada')).toBe(
      '/data/waymark/waymark.db',
    );
    expect(defaultStorePath({}, 'linux', '/home/ada')).toBe('/home/ada/.local/share/waymark/waymark.db');
    expect(defaultStorePath({ XDG_DATA_HOME: 'rel/dir' }, 'linux', '/home/ada')).toBe(
      '/home/ada/.local/share/waymark/waymark.db',
    );
    expect(defaultStorePath({ WAYMARK_DB: '' }, 'freebsd', '/home/ada')).toBe(
      '/home/ada/.local/share/waymark/waymark.db',
    );
  });

  it('uses Application Support on macOS', () => {
    expect(defaultStorePath({ XDG_DATA_HOME: '/data' }, 'darwin', '/Users/ada')).toBe(
      '/Users/ada/Library/Application Support/Waymark/waymark.db',
    );
  });

  it('uses LOCALAPPDATA on Windows', () => {
    expect(
      defaultStorePath({ LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' }, 'win32', 'C:\\Users\\ada'),
    ).toBe('C:\\Users\\ada\\AppData\\Local\\Waymark\\waymark.db');
    expect(defaultStorePath({}, 'win32', 'C:\\Users\\ada')).toBe(
      'C:\\Users\\ada\\AppData\\Local\\Waymark\\waymark.db',
    );
  });
});
