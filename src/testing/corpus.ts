import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { importRoadmap } from '../core/markdown/import-roadmap.js';
import { type ManifestEntry, parseExpected, parseManifest } from './corpus-expectation.js';
import {
  type CorpusSummary,
  compareSummary,
  type ExpectedSummary,
  summarizeImport,
} from './corpus-summary.js';

/*
 * Loads the corpus of real roadmaps (test/corpus): every file of the manifest, byte-checked against its
 * recorded SHA-256, imported, summarized and compared with its reviewed expectation. Shared by
 * test/corpus.test.ts and the corpus benchmark.
 */

export interface CorpusFileResult {
  /** "03-ossu-cs": the file name without extension, the key of expected/ and of the baseline. */
  id: string;
  entry: ManifestEntry;
  expected: ExpectedSummary;
  summary: CorpusSummary;
  /** Empty when the summary matches the expectation. */
  mismatches: string[];
}

export interface CorpusReport {
  dir: string;
  files: CorpusFileResult[];
  matching: string[];
  /** Share of files whose summary matches, 0..1. */
  score: number;
}

/**
 * The corpus folder, found above this module (src/ for tests, dist/ for the bench) or else above the
 * working directory.
 */
export function findCorpusDir(starts: readonly string[] = [import.meta.dirname, process.cwd()]): string {
  for (const start of starts) {
    for (let dir = start; ; dir = dirname(dir)) {
      const candidate = join(dir, 'test', 'corpus');
      if (existsSync(join(candidate, 'manifest.json'))) return candidate;
      if (dirname(dir) === dir) break;
    }
  }
  throw new Error(`no test/corpus/manifest.json above ${starts.join(' or ')}`);
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function corpusIdOf(entry: ManifestEntry): string {
  return entry.file.replace(/^files\//, '').replace(/\.md$/, '');
}

export function loadManifest(dir: string = findCorpusDir()): ManifestEntry[] {
  return parseManifest(readJson(join(dir, 'manifest.json')), join(dir, 'manifest.json')).files;
}

/** Reads one corpus file's bytes and checks them against the manifest (so no editor "fixed" it). */
export function readCorpusFile(dir: string, entry: ManifestEntry): { bytes: Buffer; text: string } {
  const path = join(dir, entry.file);
  const bytes = readFileSync(path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== entry.sha256 || bytes.length !== entry.bytes)
    throw new Error(
      `${path} is not the recorded copy (${bytes.length} bytes, sha256 ${sha256}; the manifest has ${entry.bytes} bytes, ${entry.sha256}). Restore it from git: corpus files are kept byte-exact.`,
    );
  return { bytes, text: bytes.toString('utf8') };
}

export function evaluateCorpusFile(dir: string, entry: ManifestEntry): CorpusFileResult {
  const id = corpusIdOf(entry);
  const { text } = readCorpusFile(dir, entry);
  const expectedPath = join(dir, 'expected', `${id}.json`);
  const expected = parseExpected(readJson(expectedPath), expectedPath);
  const summary = summarizeImport(importRoadmap(text, { path: `${id}.md`, sha256: entry.sha256 }));
  return { id, entry, expected, summary, mismatches: compareSummary(expected, summary) };
}

export function evaluateCorpus(dir: string = findCorpusDir()): CorpusReport {
  const files = loadManifest(dir).map((entry) => evaluateCorpusFile(dir, entry));
  const matching = files.filter((file) => file.mismatches.length === 0).map((file) => file.id);
  return { dir, files, matching, score: files.length === 0 ? 0 : matching.length / files.length };
}

/** The files recorded as matching (test/corpus/baseline.json): the list may only grow. */
export function readBaseline(dir: string = findCorpusDir()): string[] {
  const path = join(dir, 'baseline.json');
  const json = readJson(path);
  const matching = (json as { matching?: unknown }).matching;
  if (!Array.isArray(matching) || !matching.every((id) => typeof id === 'string'))
    throw new Error(`${path}: expected {"matching": ["01-...", ...]}`);
  return matching as string[];
}
