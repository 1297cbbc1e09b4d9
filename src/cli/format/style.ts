import { styleText } from 'node:util';

type Style = Parameters<typeof styleText>[0];

/** Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function makeStyler(
  stream: NodeJS.WriteStream = process.stdout,
): (style: Style, text: string) => string {
  const enabled = stream.isTTY === true && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb';
  return (style, text) => (enabled ? styleText(style, text) : text);
}

export type Styler = ReturnType<typeof makeStyler>;
export const plain: Styler = (_style, text) => text;
