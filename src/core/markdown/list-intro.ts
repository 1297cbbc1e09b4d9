import { ADVICE_INTRO, ELECTIVE_PROSE, OUTCOME_INTRO } from './section-words.js';

/**
 * What the paragraph introducing a list ("This journey is broken into eight phases:") says about its
 * items. Every item of the list shares that paragraph, so each question is answered once per intro, not
 * once per item: the word lists are long and run unanchored.
 */

const PHASE_INTRO = /\b(phases|stages)\b/i;
const MILESTONE_INTRO = /\bmilestones\b/i;

interface IntroReading {
  informational?: boolean;
  phases?: boolean;
  milestones?: boolean;
  elective?: boolean;
}

/** Answers by intro text; emptied when full, so a long-running process keeps it small. */
const readings = new Map<string, IntroReading>();
const MAX_READINGS = 512;

function readingOf(intro: string): IntroReading {
  let reading = readings.get(intro);
  if (!reading) {
    if (readings.size >= MAX_READINGS) readings.clear();
    reading = {};
    readings.set(intro, reading);
  }
  return reading;
}

/** "Success Criteria:", "Some tips:": the list states outcomes or advice, not work. */
export function introducesInformation(intro: string): boolean {
  if (intro === '') return false;
  const reading = readingOf(intro);
  reading.informational ??= OUTCOME_INTRO.test(intro) || ADVICE_INTRO.test(intro);
  return reading.informational;
}

/** "This journey is broken into eight phases:": each item is a phase. */
export function introducesPhases(intro: string): boolean {
  if (intro === '') return false;
  const reading = readingOf(intro);
  reading.phases ??= PHASE_INTRO.test(intro);
  return reading.phases;
}

/** "Key milestones:": each item is a milestone. */
export function introducesMilestones(intro: string): boolean {
  if (intro === '') return false;
  const reading = readingOf(intro);
  reading.milestones ??= MILESTONE_INTRO.test(intro);
  return reading.milestones;
}

/** "Choose one of the following:": the items are alternatives (ELECTIVE_PROSE). */
export function introducesChoice(intro: string): boolean {
  if (intro === '') return false;
  const reading = readingOf(intro);
  reading.elective ??= ELECTIVE_PROSE.test(intro);
  return reading.elective;
}
