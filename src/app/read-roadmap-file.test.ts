import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WaymarkError } from '../core/errors.js';
import { decodeRoadmapBytes, MAX_ROADMAP_BYTES, readRoadmapFile } from './read-roadmap-file.js';

/** PNG signature and the start of an IHDR chunk: binary; its first NUL byte follows two LF bytes ("line 3"). */
const PNG_BYTES = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
  0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89,
]);

let dir: string;
const at = (name: string) => join(dir, name);

/** Runs `fn`, expecting a WaymarkError; returns it. */
function waymarkError(fn: () => unknown): WaymarkError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(WaymarkError);
    return error as WaymarkError;
  }
  throw new Error('expected a WaymarkError, nothing was thrown');
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'waymark-read-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('readRoadmapFile', () => {
  it('reads a UTF-8 roadmap: bytes, text and the SHA-256 of the bytes', () => {
    const text = '# Plan\n\n- [ ] Café ☕ 🚀\n';
    writeFileSync(at('ok.md'), text);
    const file = readRoadmapFile(at('ok.md'));
    expect(file.path).toBe(at('ok.md'));
    expect(file.text).toBe(text);
    expect(file.bytes.equals(Buffer.from(text))).toBe(true);
    expect(file.sha256).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('keeps a BOM in the text, so that offsets stay those of the file', () => {
    writeFileSync(at('bom.md'), Buffer.from([0xef, 0xbb, 0xbf, 0x23, 0x20, 0x54, 0x0a]));
    expect(readRoadmapFile(at('bom.md')).text).toBe('\uFEFF# T\n');
  });

  it('reads an empty file as empty text', () => {
    writeFileSync(at('empty.md'), '');
    const file = readRoadmapFile(at('empty.md'));
    expect(file.text).toBe('');
    expect(file.sha256).toBe(createHash('sha256').update('').digest('hex'));
  });

  it('reads a 1 MB single line', () => {
    const line = `- [ ] ${'word '.repeat(210_000)}`;
    writeFileSync(at('long-line.md'), line);
    expect(readRoadmapFile(at('long-line.md')).text.length).toBe(line.length);
  });

  it('a missing file: says so, names it, and hints at the bundled roadmaps', () => {
    const error = waymarkError(() => readRoadmapFile(at('nope.md')));
    expect(error.code).toBe('INPUT');
    expect(error.message).toContain(at('nope.md'));
    expect(error.message).toMatch(/no such file/);
    expect(error.hint).toBeTruthy();
  });

  it('a directory: says it is one and what to pass instead', () => {
    mkdirSync(at('folder.md'));
    const error = waymarkError(() => readRoadmapFile(at('folder.md')));
    expect(error.code).toBe('INPUT');
    expect(error.message).toContain(at('folder.md'));
    expect(error.message).toMatch(/directory/);
    expect(error.hint).toMatch(/\.md/);
  });

  it('a binary file (PNG): rejected as binary, with file and line', () => {
    writeFileSync(at('image.png'), PNG_BYTES);
    const error = waymarkError(() => readRoadmapFile(at('image.png')));
    expect(error.message).toContain(`${at('image.png')}:3:`); // the signature holds two LF bytes
    expect(error.message).toMatch(/binary/);
    expect(error.hint).toBeTruthy();
  });

  it('invalid UTF-8 (0xC3 0x28 on line 3): names the file, the line, the byte and its offset', () => {
    const bytes = Buffer.concat([
      Buffer.from('# Plan\n- [ ] one\n- [ ] tw'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('o\n'),
    ]);
    writeFileSync(at('latin.md'), bytes);
    const error = waymarkError(() => readRoadmapFile(at('latin.md')));
    expect(error.message).toContain(`${at('latin.md')}:3:`);
    expect(error.message).toMatch(/not valid UTF-8/);
    expect(error.message).toContain('0xc3');
    expect(error.message).toContain(`offset ${bytes.indexOf(0xc3)}`);
    expect(error.hint).toMatch(/UTF-8/);
  });

  it('a 50 MB file: refused before it is read, quickly', () => {
    writeFileSync(at('huge.md'), Buffer.alloc(50 * 1024 * 1024, 0x61));
    const started = performance.now();
    const error = waymarkError(() => readRoadmapFile(at('huge.md')));
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(error.message).toContain(at('huge.md'));
    expect(error.message).toMatch(/50\.0 MB/);
    expect(error.message).toContain(`${MAX_ROADMAP_BYTES / 1024 / 1024} MB`);
    expect(error.hint).toMatch(/[Ss]plit/);
    rmSync(at('huge.md'));
  });

  it('a file of exactly the size limit is still read', () => {
    writeFileSync(at('limit.md'), Buffer.alloc(MAX_ROADMAP_BYTES, 0x61));
    expect(readRoadmapFile(at('limit.md')).text.length).toBe(MAX_ROADMAP_BYTES);
    rmSync(at('limit.md'));
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable file: permission denied, with a hint', () => {
    writeFileSync(at('secret.md'), '# T\n');
    chmodSync(at('secret.md'), 0o000);
    const error = waymarkError(() => readRoadmapFile(at('secret.md')));
    expect(error.message).toMatch(/permission denied/);
    chmodSync(at('secret.md'), 0o600);
  });
});

describe('decodeRoadmapBytes', () => {
  const decode = (bytes: number[] | Uint8Array) => decodeRoadmapBytes(Uint8Array.from(bytes), 'r.md');

  it('decodes UTF-8, multi-byte characters included', () => {
    expect(decode(Buffer.from('Aurélien 🚀\r\n'))).toBe('Aurélien 🚀\r\n');
  });

  it('rejects NUL bytes as binary, on the right line', () => {
    const error = waymarkError(() => decode(Buffer.from('a\nb\0c\n')));
    expect(error.message).toMatch(/^r\.md:2: .*binary/);
  });

  it.each([
    ['a lone continuation byte', [0x61, 0x80], 1],
    ['a truncated 3-byte sequence at the end', [0x61, 0x62, 0xe2, 0x82], 2],
    ['an overlong encoding', [0xc0, 0x80], 0],
    ['an encoded surrogate', [0x61, 0xed, 0xa0, 0x80], 1],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['Windows-1252 "é"', [0x43, 0x61, 0x66, 0xe9, 0x0a], 3],
  ])('rejects %s with the offset of the first bad byte', (_name, bytes, offset) => {
    const error = waymarkError(() => decode(bytes));
    expect(error.message).toMatch(/^r\.md:1: the file is not valid UTF-8/);
    expect(error.message).toContain(`at offset ${offset})`);
  });
});
