/**
 * What the command line prints about its input — file names, ids, values, parser messages quoting the
 * input — goes through `shown`: every character that could move the cursor, start a new line, recolour
 * or reorder the terminal is written as a visible escape, so no input can forge a line such as
 * `error: …` on stderr or hide part of a message.
 */

/**
 * C0 controls (line feed, carriage return, escape, …), DEL, C1 controls, the Unicode line and
 * paragraph separators, and the bidirectional controls (Trojan Source: they reorder what follows).
 */
// eslint-disable-next-line no-control-regex -- these are exactly the characters to escape
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `s` with each unsafe character written as `\n`, `\r`, `\t` or `\uXXXX`: one line, shown as it is. */
export function shown(s: string): string {
  return s.replace(UNSAFE, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

