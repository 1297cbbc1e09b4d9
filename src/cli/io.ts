import { makeStyler, type Styler } from './format/style.js';

/** What a command may touch of the outside world; tests pass their own. */
export interface Io {
  out(text: string): void;
  warn(text: string): void;
  style: Styler;
  env: NodeJS.ProcessEnv;
}

export function processIo(): Io {
  // `waymark export | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    warn: (text) => process.stderr.write(`${text}\n`),
    style: makeStyler(process.stdout),
    env: process.env,
  };
}
