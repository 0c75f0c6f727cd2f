// ANSI styling for the terminal reporters, off unless the CLI turns it on.
export type Paint = (code: number, text: string) => string;

export function createPaint(color: boolean): Paint {
  return color ? (code, text) => `\u001b[${code}m${text}\u001b[0m` : (_code, text) => text;
}
