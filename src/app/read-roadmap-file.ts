import { createHash } from 'node:crypto';
import { inputError } from '../core/errors.js';
import { readRegularFile } from './read-regular-file.js';

/** Roadmaps are documents a person writes; anything bigger is almost certainly not one. */
export const MAX_ROADMAP_BYTES = 20 * 1024 * 1024;

export interface RoadmapFile {
  path: string;
  bytes: Buffer;
  text: string;
  sha256: string;
}

/** Reads a roadmap file as bytes and checks it is text we can import, with errors that say what to do. */
export function readRoadmapFile(path: string): RoadmapFile {
  const bytes = readRegularFile(path, MAX_ROADMAP_BYTES, {
    kind: 'roadmap',
    hint: 'Pass the path of a Markdown (.md) file, or run `waymark import --list` for the bundled roadmaps.',
  });
  return {
    path,
    bytes,
    text: decodeRoadmapBytes(bytes, path),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/** Decodes UTF-8 strictly (a BOM is kept, so that offsets stay those of the file); rejects binary files. */
export function decodeRoadmapBytes(bytes: Uint8Array, path: string): string {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw inputError(
      `${path}:${lineAt(bytes, nul)}: this looks like a binary file (it contains a NUL byte), not Markdown.`,
      'Pass the Markdown (.md) file of your roadmap.',
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    throw inputError(
      `${path}:${lineAt(bytes, offset)}: the file is not valid UTF-8 (byte 0x${(bytes[offset] ?? 0).toString(16)} at offset ${offset}).`,
      'Save it as UTF-8 in your editor, or convert it: iconv -f WINDOWS-1252 -t UTF-8 in.md > out.md',
    );
  }
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that breaks UTF-8 (the decoder says only that one exists). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i] as number;
    const length =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte < 0xe0
          ? 2
          : byte >= 0xe0 && byte < 0xf0
            ? 3
            : byte >= 0xf0 && byte < 0xf5
              ? 4
              : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
    }
    const chunk = bytes.subarray(i, i + length);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(chunk);
    } catch {
      return i;
    }
    i += length;
  }
  return bytes.length;
}
