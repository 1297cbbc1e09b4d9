/**
 * Serialized read results, valid while the store's change mark and the learner's day stay the same. One
 * indexed query per request decides; a change from any process (the CLI) invalidates everything. Bodies are
 * kept encoded (a 150 KB tree is sent as is, not re-encoded per request), and gzipped once on first demand.
 */
import { gzipSync } from 'node:zlib';
import { LRUCache } from 'lru-cache';

const encoder = new TextEncoder();
/** Smaller bodies are not worth compressing. */
const GZIP_MIN_BYTES = 1_024;

export interface CachedBody {
  json: Uint8Array<ArrayBuffer>;
  /** The gzipped body, when asked for once and worth it. */
  gzip(): Uint8Array<ArrayBuffer> | undefined;
}

export class ViewCache {
  private readonly entries: LRUCache<string, CachedBody>;
  private version = '';

  constructor(capacity = 64) {
    this.entries = new LRUCache({ max: capacity });
  }

  has(version: string, key: string): boolean {
    return version === this.version && this.entries.has(key);
  }

  /** The cached body for `key` under `version`, computing it when absent. */
  get(version: string, key: string, compute: () => unknown): CachedBody {
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const hit = this.entries.get(key);
    if (hit !== undefined) return hit;
    const entry = cachedBody(encoder.encode(JSON.stringify(compute())));
    this.entries.set(key, entry);
    return entry;
  }
}

function cachedBody(json: Uint8Array<ArrayBuffer>): CachedBody {
  let gzipped: Uint8Array<ArrayBuffer> | undefined | null = null;
  return {
    json,
    gzip() {
      if (gzipped === null)
        gzipped = json.byteLength < GZIP_MIN_BYTES ? undefined : new Uint8Array(gzipSync(json));
      return gzipped;
    },
  };
}
