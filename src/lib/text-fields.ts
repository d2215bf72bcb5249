/**
 * Text a person typed, as files, links and storage carry it: the one rule for what a name or a note may
 * hold. One-line fields (company, product, title, assessor, incubator, cohort label) refuse every
 * control character, line and paragraph separators, and the invisible characters that change the
 * direction text is shown in (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C): such a character
 * can make a name display as something other than what it holds, or reorder the page around it.
 * Multi-line fields (notes, descriptions) keep line breaks and tabs but refuse the other controls and the
 * embedding, override and isolate controls (the marks U+200E, U+200F and U+061C stay allowed there:
 * right-to-left prose needs them, and they reorder nothing beyond a character). Lone UTF-16 surrogates
 * are refused everywhere. Values are trimmed, and lengths counted after trimming. Pure.
 */

export type TextProblem =
  | { kind: 'not_text' }
  | { kind: 'too_long'; length: number; max: number }
  | { kind: 'control'; char: string }
  | { kind: 'bidi'; char: string }
  | { kind: 'surrogate' };

export type TextCheck = { ok: true; value: string } | { ok: false; problem: TextProblem };

/** Every C0 and C1 control and DEL, and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const LINE_CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/u;
/** In multi-line text: the controls other than tab and line feed (CR only as part of CR LF). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const TEXT_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\r(?!\n)/u;
/** Every bidirectional formatting character: embeddings, overrides, isolates and the three marks. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
/** In multi-line text: embeddings, overrides and isolates (the marks are allowed). */
const BIDI_EMBEDDING = /[\u202A-\u202E\u2066-\u2069]/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** "U+202E": how a refused character is named in a message. */
export const codePoint = (c: string): string => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

function check(v: unknown, max: number, control: RegExp, bidi: RegExp): TextCheck {
  if (typeof v !== 'string') return { ok: false, problem: { kind: 'not_text' } };
  if (LONE_SURROGATE.test(v)) return { ok: false, problem: { kind: 'surrogate' } };
  const c = control.exec(v);
  if (c) return { ok: false, problem: { kind: 'control', char: codePoint(c[0]) } };
  const b = bidi.exec(v);
  if (b) return { ok: false, problem: { kind: 'bidi', char: codePoint(b[0]) } };
  const value = v.trim();
  if (value.length > max) return { ok: false, problem: { kind: 'too_long', length: value.length, max } };
  return { ok: true, value };
}

/** A one-line name: the trimmed value ('' when blank), or what is wrong with it. */
export const checkLine = (v: unknown, max: number): TextCheck => check(v, max, LINE_CONTROL, BIDI);

/** A multi-line text: the trimmed value with CR LF as LF ('' when blank), or what is wrong with it. */
export function checkText(v: unknown, max: number): TextCheck {
  const r = check(v, max, TEXT_CONTROL, BIDI_EMBEDDING);
  return r.ok && r.value.includes('\r') ? { ok: true, value: r.value.replace(/\r\n/g, '\n') } : r;
}

const LINE_STRIP = new RegExp(`${LINE_CONTROL.source}|${BIDI.source}|${LONE_SURROGATE.source}`, 'gu');
const TEXT_STRIP = new RegExp(`${TEXT_CONTROL.source}|${BIDI_EMBEDDING.source}|${LONE_SURROGATE.source}`, 'gu');

/**
 * What the app writes: the same text without the characters the checks refuse, so that nothing the app
 * stores or exports is refused when read back. Not trimmed (a field being typed keeps its spaces).
 */
export const stripLine = (s: string): string => s.replace(LINE_STRIP, '');
export const stripText = (s: string): string => s.replace(TEXT_STRIP, '');

const SHOWN = new RegExp(`${LINE_CONTROL.source}|${BIDI.source}|${LONE_SURROGATE.source}`, 'gu');

/**
 * Untrusted text put into a message (a key, a question id, a file name): every refused character shown
 * by its code point, and at most `max` characters, so a message always reads as it is written.
 */
export function printable(v: unknown, max = 80): string {
  if (typeof v !== 'string') return describeValue(v);
  // Cut between characters, never inside a surrogate pair.
  const end = v.length > max && /[\uD800-\uDBFF]/.test(v[max - 1] ?? '') ? max - 1 : max;
  const cut = v.length > max ? `${v.slice(0, end)}…` : v;
  return cut.replace(SHOWN, (c) => `<${codePoint(c)}>`);
}

/** A value of any type named for a message without converting it (a nested list cannot overflow the stack). */
export function describeValue(v: unknown): string {
  if (typeof v === 'string') return printable(v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) return String(v);
  if (Array.isArray(v)) return '[…]';
  return typeof v === 'object' ? '{…}' : typeof v;
}
