import { z } from 'zod';
import type { ExpectedSummary } from './corpus-summary.js';

/*
 * The shape of test/corpus/expected/*.json and of the manifest, checked when the corpus is loaded so
 * that a typo in a reviewed file fails with its path and field instead of silently matching nothing.
 */

const range = z
  .object({ min: z.number().int().nonnegative(), max: z.number().int().nonnegative().optional() })
  .strict()
  .refine((value) => value.max === undefined || value.max >= value.min, { message: 'max is below min' });

const expectedSchema = z
  .object({
    $schema: z.string().optional(),
    title: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
    itemsToTrack: range,
    phases: z
      .object({ count: range.optional(), include: z.array(z.string().min(1)).optional() })
      .strict()
      .optional(),
    horizonDays: range.optional(),
    weeklyHours: range.optional(),
    durations: z.object({ items: range.optional(), phases: range.optional() }).strict().optional(),
    electives: z.object({ groups: range.optional(), options: range.optional() }).strict().optional(),
    mustTrack: z.array(z.string().min(1)).optional(),
    firstItem: z.string().min(1).optional(),
    leftOut: z
      .object({
        kinds: z.array(z.enum(['toc', 'resources', 'meta', 'people', 'badges', 'images', 'information'])),
        titles: z.array(z.string().min(1)),
      })
      .strict()
      .optional(),
    notARoadmap: z.boolean().optional(),
    review: z.string().min(20),
  })
  .strict();

export const LICENCES = [
  'MIT',
  'Apache-2.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'CC0-1.0',
  'CC-BY-4.0',
  'CC-BY-SA-4.0',
  'Unlicense',
] as const;

const manifestEntry = z
  .object({
    file: z.string().regex(/^files\/\d{2}-[a-z0-9-]+\.md$/),
    repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/),
    path: z.string().min(1),
    commit: z.string().regex(/^[0-9a-f]{40}$/),
    licence: z.enum(LICENCES),
    licenceFile: z.string().min(1),
    licenceCommit: z.string().regex(/^[0-9a-f]{40}$/),
    copyright: z.string().min(1),
    language: z.string().regex(/^[a-z]{2}$/),
    shape: z.string().min(1),
    notes: z.string().min(1),
    bytes: z.number().int().positive(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

const manifestSchema = z.object({ description: z.string(), files: z.array(manifestEntry).min(1) }).strict();

export type ManifestEntry = z.infer<typeof manifestEntry>;
export type Manifest = z.infer<typeof manifestSchema>;

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

/** The expectation in `json`, or an error naming `where` and each bad field. */
export function parseExpected(json: unknown, where: string): ExpectedSummary {
  const parsed = expectedSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${where}: ${describeIssues(parsed.error)}`);
  const { $schema: _schema, ...expected } = parsed.data;
  return expected as ExpectedSummary;
}

export function parseManifest(json: unknown, where: string): Manifest {
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${where}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}
