/**
 * JSON from outside (an imported file, a share link), read strictly. `JSON.parse` takes any nesting
 * depth (and code that later walks a value nested thousands deep overflows the stack), keeps only the
 * last of two equal keys (so a file can say one thing to one reader and another to the next), and
 * accepts keys such as `__proto__`. One linear pass over the text refuses all three before `JSON.parse`
 * runs, naming where; `JSON.parse` then builds the value (and words any syntax error). json-limits.ts
 * `checkTree` holds a value already parsed (what the browser's storage returns) to the same limits.
 * Never throws. Pure.
 */
import { FORBIDDEN_KEYS, pathOf, type JsonProblem } from './json-limits';

export type { JsonProblem };

export type JsonResult = { ok: true; value: unknown } | { ok: false; problem: JsonProblem };

interface Frame {
  object: boolean;
  keys: Set<string> | undefined;
  /** The current key (object) or index (array). */
  at: string | number;
}

const LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

/** Parses `text` as JSON, refusing nesting deeper than `maxDepth` containers, a key twice in one object, and `FORBIDDEN_KEYS`. */
export function parseJsonStrict(text: string, maxDepth: number): JsonResult {
  const scanned = scan(text, maxDepth);
  if (scanned) return { ok: false, problem: scanned };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const reason = e instanceof Error ? e.message.slice(0, 200) : 'syntax error';
    return { ok: false, problem: { code: 'bad_json', reason, ...whereParsingStopped(text, reason) } };
  }
}

/** Where JSON.parse stopped, from its message (V8 names a position, or the end of the input), as line and column. */
function whereParsingStopped(text: string, reason: string): { line?: number; column?: number; end?: boolean } {
  if (/end of (JSON )?input/i.test(reason)) return { end: true };
  const m = /position (\d+)/.exec(reason);
  if (!m) return {};
  const at = Math.min(Number(m[1]), text.length);
  // Browsers name the position where the text stops ("Unterminated string … at position 200"): cut short.
  if (at >= text.trimEnd().length) return { end: true };
  const before = text.slice(0, at);
  const line = (before.match(/\n/g)?.length ?? 0) + 1;
  return { line, column: at - before.lastIndexOf('\n') };
}

/**
 * The first structural problem of `text`, or undefined. A syntax error stops the scan and is left for
 * `JSON.parse` to word: it then never sees more than `maxDepth` levels either, since the scan has
 * checked every container opened before the error.
 */
function scan(text: string, maxDepth: number): JsonProblem | undefined {
  const n = text.length;
  const stack: Frame[] = [];
  let i = 0;
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else break;
    }
  };
  /** At a '"': the raw content, with `i` past the closing quote; undefined on an unterminated string. */
  const string = (): string | undefined => {
    const start = ++i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) return text.slice(start, i++);
      if (c === 0x5c) i += 2;
      else if (c < 0x20) return undefined;
      else i++;
    }
    return undefined;
  };
  /** Where the innermost container is (`inner`: the member being read in it too). */
  const path = (inner: boolean) => pathOf(stack.slice(0, inner ? stack.length : -1).map((f) => f.at));

  // Expecting a value at `i`.
  for (;;) {
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      if (stack.length >= maxDepth) return { code: 'too_deep', max: maxDepth, path: path(true) };
      const object = c === '{';
      stack.push({ object, keys: object ? new Set() : undefined, at: object ? '' : 0 });
      i++;
      ws();
      if (text[i] === (object ? '}' : ']')) {
        i++;
        stack.pop();
      } else if (object) {
        const p = key();
        if (p !== true) return p;
        continue;
      } else continue;
    } else if (c === '"') {
      if (string() === undefined) return undefined;
    } else {
      LITERAL.lastIndex = i;
      if (!LITERAL.test(text)) return undefined;
      i = LITERAL.lastIndex;
    }
    // After a value: close containers, or move to the next member.
    for (;;) {
      ws();
      const top = stack[stack.length - 1];
      if (!top) return undefined; // the end (anything after it is JSON.parse's to refuse)
      const d = text[i];
      if (d === ',') {
        i++;
        if (top.object) {
          const p = key();
          if (p !== true) return p;
        } else top.at = (top.at as number) + 1;
        break;
      }
      if (d !== (top.object ? '}' : ']')) return undefined;
      i++;
      stack.pop();
    }
  }

  /** Reads `"key":` in the innermost object; true when fine, else the problem (undefined for a syntax error). */
  function key(): JsonProblem | undefined | true {
    ws();
    if (text[i] !== '"') return undefined;
    const raw = string();
    if (raw === undefined) return undefined;
    let k = raw;
    if (raw.includes('\\')) {
      try {
        k = JSON.parse(`"${raw}"`) as string;
      } catch {
        return undefined;
      }
    }
    const top = stack[stack.length - 1]!;
    top.at = k;
    if (FORBIDDEN_KEYS.has(k)) return { code: 'forbidden_key', path: path(true) };
    if (top.keys!.has(k)) return { code: 'duplicate_key', key: k, path: path(false) };
    top.keys!.add(k);
    ws();
    if (text[i] !== ':') return undefined;
    i++;
    return true;
  }
}

