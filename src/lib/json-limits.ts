/**
 * The limits every value from outside is held to, whether it arrives as text (strict-json.ts reads it)
 * or already parsed (the browser's storage): nesting no deeper than a given number of containers, and
 * no key JavaScript treats specially. Paths name where, as a reader writes them. Pure, never throws.
 */

/** Paths are '' for the top level. */
export type JsonProblem =
  /** `reason` is the parser's own text (English, for logs); `line`/`column` where it stopped, `end` when the text ends too early. */
  | { code: 'bad_json'; reason: string; line?: number; column?: number; end?: boolean }
  | { code: 'too_deep'; max: number; path: string }
  | { code: 'duplicate_key'; key: string; path: string }
  | { code: 'forbidden_key'; path: string };

/** Keys that mean something to JavaScript objects: refused wherever they appear. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;
/** A path as a reader writes it: `assessment.duties["a.b"][2]`, at most `max` characters. */
export function pathOf(parts: readonly (string | number)[], max = 160): string {
  let s = '';
  for (const p of parts) {
    s += typeof p === 'number' ? `[${p}]` : PLAIN_KEY.test(p) ? (s ? `.${p}` : p) : `[${JSON.stringify(p.length > 60 ? `${p.slice(0, 60)}…` : p)}]`;
    if (s.length > max) return `${s.slice(0, max)}…`;
  }
  return s;
}

/**
 * The same limits on a value already parsed: nesting no deeper than `maxDepth` containers and no
 * forbidden key, walked without recursion.
 */
export function checkTree(value: unknown, maxDepth: number): JsonProblem | undefined {
  const stack: [unknown, (string | number)[]][] = [[value, []]];
  while (stack.length) {
    const [v, at] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (at.length >= maxDepth) return { code: 'too_deep', max: maxDepth, path: pathOf(at) };
    if (Array.isArray(v)) {
      for (let k = 0; k < v.length; k++) stack.push([v[k], [...at, k]]);
      continue;
    }
    for (const k of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(k)) return { code: 'forbidden_key', path: pathOf([...at, k]) };
      stack.push([(v as Record<string, unknown>)[k], [...at, k]]);
    }
  }
  return undefined;
}
