/**
 * Request schemas (zod 4): every body and query the API accepts. The routes validate with them and the
 * OpenAPI document is generated from them, so the two cannot drift apart. Objects are strict: an unknown
 * field is refused (a typo would otherwise be ignored silently).
 */
import { z } from 'zod';
import { JOURNAL_CURSOR } from '../app/journal-view.js';
import { NODE_KINDS } from '../core/model/roadmap.js';
import { EVENT_LIMITS, EVIDENCE_KINDS, STATUSES } from '../core/progress/events.js';

const ref = z
  .string()
  .trim()
  .min(1, 'an item reference is required')
  .max(500)
  .describe('An item: roadmapId:nodeId (what the dashboard sends), a bare id, or a title fragment');
const when = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .describe('When it happened: an ISO time, 2026-11-20, 2026-11-20T19:30, yesterday (default: now)');
const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2026-11-20')
  .describe('A calendar date, YYYY-MM-DD');
const roadmapId = z.string().trim().min(1).max(200).describe('A roadmap id');
const hours = z
  .union([z.number().min(0).max(24), z.string().max(20)])
  .describe('Hours: a number (2), or "1.5h", "90m", "1h30" (a bare number as a string is refused)');

/**
 * Items per status request. The largest bundled roadmap has about 600 items and the dashboard sends one at a
 * time (a whole phase or roadmap is one item with `all: true`, which has no cap), so 5,000 is far beyond any
 * hand-made request while it bounds what one request may hold the server's single thread for (resolving,
 * validating and storing 5,000 events: 250-580 ms measured on a busy 2-core VM, `npm run bench` api).
 */
export const MAX_STATUS_ITEMS = 5_000;

export const statusBody = z
  .strictObject({
    items: z
      .array(ref)
      .min(1, 'name at least one item')
      .max(MAX_STATUS_ITEMS, {
        error: (issue) =>
          `at most ${MAX_STATUS_ITEMS} items per request (got ${(issue.input as unknown[]).length}); send several requests, or a parent with "all": true`,
      }),
    status: z.enum(STATUSES),
    all: z
      .boolean()
      .optional()
      .describe('Kept for older clients: a parent always acts on every item beneath it'),
    at: when.optional(),
    force: z.boolean().optional().describe('Accept an `at` far before the first activity (as `--force`)'),
  })
  .describe('Mark items todo, doing, done or skipped (as `waymark start|done|skip|reset`)');

export const logBody = z
  .strictObject({
    duration: z
      .string()
      .trim()
      .min(1)
      .max(50)
      .describe('90m, 1h30, 1h 30m, 2h, 1.5h (a bare number is refused)'),
    item: ref.optional(),
    roadmap: roadmapId.optional().describe('The roadmap of time not tied to an item'),
    note: z.string().max(EVENT_LIMITS.noteChars).optional(),
    at: when.optional(),
    force: z.boolean().optional().describe('Accept an `at` far before the first activity (as `--force`)'),
  })
  .describe('Log study time, optionally on an item (as `waymark log`)');

export const noteBody = z
  .strictObject({
    item: ref,
    text: z.string().trim().min(1, 'the note is empty').max(EVENT_LIMITS.noteChars),
    at: when.optional(),
    force: z.boolean().optional().describe('Accept an `at` far before the first activity (as `--force`)'),
  })
  .describe('Add a note to an item (as `waymark note`)');

export const evidenceBody = z
  .strictObject({
    item: ref,
    ref: z
      .string()
      .trim()
      .min(1, 'the evidence is empty')
      .max(EVENT_LIMITS.refChars)
      .describe('An http(s) URL, an absolute path of an existing file, a commit, or a certificate ID'),
    kind: z.enum(EVIDENCE_KINDS).optional().describe('Guessed from `ref` when omitted'),
    at: when.optional(),
    force: z.boolean().optional().describe('Accept an `at` far before the first activity (as `--force`)'),
  })
  .describe('Attach evidence to an item (as `waymark evidence`)');

export const undoBody = z
  .strictObject({
    change: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe(
        'Undo only if this change (the `changeId` of its events) is still the last one; 409 otherwise',
      ),
  })
  .describe('Revert the last change (as `waymark undo`)');

const dayKeys = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export const capacityChange = z
  .strictObject({
    hoursByWeekday: z.array(hours).length(7).optional().describe('Seven values, Sunday first'),
    weekdays: hours.optional().describe('Monday to Friday'),
    weekend: hours.optional().describe('Saturday and Sunday'),
    days: z
      .partialRecord(z.enum(dayKeys), hours)
      .optional()
      .describe('Single days; they win over weekdays/weekend'),
    daysOff: z
      .array(
        z.union([
          z.string().max(40).describe('2026-12-24 or 2026-12-24..2026-12-26'),
          z.strictObject({ from: calendarDate, to: calendarDate.optional() }),
        ]),
      )
      .max(1_000)
      .optional()
      .describe('Days off to add'),
    clearDaysOff: z.boolean().optional().describe('Remove the stored days off first'),
    fromRoutine: z.boolean().optional().describe("Start from the roadmap's routine"),
    reset: z.boolean().optional().describe("Drop the roadmap's own capacity"),
  })
  .describe('A change to the capacity, as `waymark capacity` takes it; parts not named stay');

export const settingsBody = z
  .strictObject({
    capacity: capacityChange.optional(),
    targetDate: calendarDate.nullable().optional().describe('null clears the target'),
    resetTarget: z
      .boolean()
      .optional()
      .describe("true drops your own target (or its clearing): the roadmap's own date applies again"),
    startDate: calendarDate.nullable().optional().describe('No work is planned before it; null clears it'),
    choices: z
      .record(z.string().min(1).max(200), z.array(z.string().min(1).max(200)).max(100).nullable())
      .optional()
      .describe('Chosen option ids per elective group id; null or [] clears a choice'),
    share: z
      .union([z.number(), z.string().max(20)])
      .nullable()
      .optional()
      .describe('Percent of the shared study time ("60%" or 60); null: an equal part of what others leave'),
    priority: z
      .union([z.number(), z.string().max(10)])
      .nullable()
      .optional()
      .describe('Place in priority order, 1 first; null drops it'),
    paused: z.boolean().optional().describe('true: no time planned for the roadmap; false resumes it'),
  })
  .describe(
    "Change a roadmap's planner settings (its part of the learner's time, never the global capacity)",
  );

export const globalSettingsBody = z
  .strictObject({
    capacity: capacityChange.optional(),
    allocation: z.enum(['shares', 'priority']).nullable().optional().describe('How roadmaps share the time'),
    habits: z.enum(['inside', 'extra']).nullable().optional().describe('Habits inside the capacity or extra'),
    studyWindow: z.string().max(20).nullable().optional().describe('Calendar blocks window, "18:00-22:00"'),
  })
  .describe("Change the learner's total study time and how roadmaps share it");

export const reviewBody = z
  .strictObject({
    item: ref,
    rating: z
      .union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)])
      .describe('1 again, 2 hard, 3 good, 4 easy'),
  })
  .describe('Record a spaced-review rating (as `waymark review`)');

export const reviewSessionBody = z
  .strictObject({
    reviewed: z
      .array(
        z.strictObject({
          roadmap: roadmapId,
          cards: z.number().int().min(1).max(100_000).describe('Cards rated in the session on it'),
        }),
      )
      .min(1, 'name the roadmaps of the cards rated in the session')
      .max(1_000),
    seconds: z
      .number()
      .min(0)
      .max(24 * 3600, 'a review session cannot take more than 24 hours')
      .describe('How long the session took'),
  })
  .describe(
    "Log a review session's time as review time, split over its roadmaps by cards rated (as `waymark review` does when it ends)",
  );

// ---- queries (all values arrive as strings) ----

const count = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

export const planQuery = z.strictObject({
  target: calendarDate.optional().describe('Plan against this date'),
});

export const todayQuery = z.strictObject({
  date: calendarDate.optional().describe('The day (default: today)'),
  roadmap: roadmapId.optional(),
});

export const activityQuery = z.strictObject({
  days: count(1, 3_660).optional().describe('Length of the window ending today (default 365)'),
  roadmap: roadmapId.optional().describe('Only this roadmap (and its capacity)'),
});

export const journalQuery = z.strictObject({
  item: ref.optional().describe('Only this item and everything beneath it'),
  roadmap: roadmapId.optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  type: z
    .string()
    .regex(
      /^(log|note|status|evidence)(,(log|note|status|evidence))*$/,
      'expected log, note, status, evidence (comma-separated)',
    )
    .optional()
    .describe('Only these entry types, comma-separated'),
  limit: count(1, 100_000).optional().describe('At most this many, newest first (default 1000)'),
  offset: count(0, 10_000_000)
    .optional()
    .describe(
      'Skip this many of the newest first (old links; a new entry shifts such pages by one): prefer `before`',
    ),
  before: z
    .string()
    .regex(JOURNAL_CURSOR, 'expected a cursor from a journal page (`next` or `newer`)')
    .optional()
    .describe(
      'Only entries older than this cursor: the page after this one is `before=` its `next`, the one before it `before=` its `newer` (none: the first page). Stable while entries are logged; wins over `offset`',
    ),
});

export const reviewDueQuery = z.strictObject({ roadmap: roadmapId.optional() });

export const emptyQuery = z.strictObject({});

export const correctionBody = z
  .strictObject({
    item: ref,
    work: z
      .boolean()
      .optional()
      .describe('false: not work, left out of the plan (`waymark exclude`); true: work (`waymark include`)'),
    kind: z
      .enum(NODE_KINDS)
      .optional()
      .describe("The item's kind, whatever the importer read (`waymark kind`)"),
  })
  .refine((body) => (body.work === undefined) !== (body.kind === undefined), {
    message: 'give exactly one of "work" or "kind"',
  })
  .describe('Correct how the importer read an item (as `waymark exclude|include|kind`); one undo reverts it');

/** Characters of an uploaded roadmap: far above any real roadmap (the largest bundled one is well under 1 MB). */
export const MAX_UPLOAD_CHARS = 5 * 1024 * 1024;
/** The import route's body limit: an upload at the limit, with room for JSON escapes. */
export const MAX_IMPORT_BODY_BYTES = 12 * 1024 * 1024;

export const importBody = z
  .strictObject({
    bundled: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe('A bundled roadmap by name (GET /api/bundled-roadmaps lists them)'),
    path: z
      .string()
      .trim()
      .min(1, 'the path is empty')
      .max(4096)
      .optional()
      .describe('The full path of a Markdown file on this machine'),
    upload: z
      .strictObject({
        name: z.string().trim().min(1, 'the file name is empty').max(255).describe("The file's name"),
        text: z
          .string()
          .min(1, 'the file is empty')
          .max(MAX_UPLOAD_CHARS, {
            error: (issue) =>
              `the file is ${((issue.input as string).length / 1024 / 1024).toFixed(1)} MB; an upload takes up to ${MAX_UPLOAD_CHARS / 1024 / 1024} MB. Import a bigger file by its path instead`,
          })
          .describe("The file's text (UTF-8)"),
      })
      .optional()
      .describe("A file's text, as the dashboard uploads it"),
  })
  .refine(
    (body) => [body.bundled, body.path, body.upload].filter((value) => value !== undefined).length === 1,
    'give exactly one of "bundled", "path" or "upload"',
  )
  .describe('Import a roadmap (as `waymark import`): a bundled one, a file by its path, or an uploaded file');
