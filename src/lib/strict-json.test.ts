/** The strict JSON reader: the same values as JSON.parse where JSON.parse is safe, a named refusal where it is not. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTree, pathOf } from './json-limits';
import { parseJsonStrict } from './strict-json';

const hasForbidden = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && Object.entries(v).some(([k, x]) => (!Array.isArray(v) && ['__proto__', 'constructor', 'prototype'].includes(k)) || hasForbidden(x));

describe('parseJsonStrict', () => {
  it('gives what JSON.parse gives for any JSON without repeated or forbidden keys, spaced any way (fast-check)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.constantFrom(undefined, 1, '\t'), (v, space) => {
        fc.pre(!hasForbidden(v));
        const text = JSON.stringify(v, null, space);
        expect(parseJsonStrict(text, 16)).toEqual({ ok: true, value: JSON.parse(text) });
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws, and refuses whatever JSON.parse refuses (fast-check over any text)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.json().map((j) => j.slice(0, Math.max(0, j.length - 1)))), (text) => {
        let parsed = true;
        try {
          JSON.parse(text);
        } catch {
          parsed = false;
        }
        // Refused too (as bad JSON, or for a key or depth problem met before the syntax error).
        const r = parseJsonStrict(text, 16);
        if (!parsed) expect(r.ok).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses nesting past the limit before parsing, naming where', () => {
    expect(parseJsonStrict('[[1]]', 2)).toMatchObject({ ok: true });
    expect(parseJsonStrict('[[[1]]]', 2)).toEqual({ ok: false, problem: { code: 'too_deep', max: 2, path: '[0][0]' } });
    expect(parseJsonStrict(`{"a":{"b":${'['.repeat(1_000_000)}`, 16)).toEqual({ ok: false, problem: { code: 'too_deep', max: 16, path: `a.b${'[0]'.repeat(14)}` } });
  });

  it('refuses a key given twice (also when spelled with escapes), and keys JavaScript treats specially, naming where', () => {
    expect(parseJsonStrict('{"a":1,"b":{"c":1,"c":2}}', 16)).toEqual({ ok: false, problem: { code: 'duplicate_key', key: 'c', path: 'b' } });
    expect(parseJsonStrict('{"a":1,"\\u0061":2}', 16)).toEqual({ ok: false, problem: { code: 'duplicate_key', key: 'a', path: '' } });
    expect(parseJsonStrict('[{"x":1},{"x":1}]', 16)).toMatchObject({ ok: true });
    expect(parseJsonStrict('{"a":[0,{"__proto__":{"polluted":1}}]}', 16)).toEqual({ ok: false, problem: { code: 'forbidden_key', path: 'a[1].__proto__' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('leaves syntax errors to JSON.parse to word', () => {
    const r = parseJsonStrict('{"a":}', 16);
    expect(r.ok === false && r.problem.code === 'bad_json' && r.problem.reason.length > 0).toBe(true);
  });
});

describe('checkTree and pathOf', () => {
  it('find the same problems in parsed data, without recursion', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(checkTree({ a: deep }, 16)).toEqual({ code: 'too_deep', max: 16, path: `a${'[0]'.repeat(15)}` });
    expect(checkTree(JSON.parse('{"a":{"constructor":1}}'), 16)).toEqual({ code: 'forbidden_key', path: 'a.constructor' });
    expect(checkTree({ a: [1, { b: 'x' }] }, 16)).toBeUndefined();
  });

  it('write keys that are not identifiers quoted', () => {
    expect(pathOf(['assessment', 'duties', 'EU-4', 'note'])).toBe('assessment.duties.EU-4.note');
    expect(pathOf(['a', 'b.c', 0, ''])).toBe('a["b.c"][0][""]');
  });
});

describe('where a file that is not JSON stopped', () => {
  it('names line and column inside the text, and calls a text that stops mid-way cut short (whichever way the engine words it)', () => {
    const mid = parseJsonStrict('{\n  "a": 1,\n}', 16);
    expect(mid.ok === false && mid.problem).toMatchObject({ code: 'bad_json', line: 3, column: 1 });
    for (const cut of ['{"format": ', '{"format": "ai-risk', '{"a": 1']) {
      const r = parseJsonStrict(cut, 16);
      expect(r.ok === false && r.problem, cut).toMatchObject({ code: 'bad_json', end: true });
    }
  });
});
