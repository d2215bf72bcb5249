/**
 * Fuzzing support (issue 14): hostile variants of valid assessment files, share links, invite links and
 * answer sets, and the checks every outcome must pass. Generators are cheap on purpose — a mutation is
 * a few numbers and a short string, interpreted here — so each channel runs ten thousand cases in
 * seconds. Used only by the tests in this folder.
 */
import fc from 'fast-check';
import { gzipSync } from 'fflate';
import { expect } from 'vitest';
import type { RuleSet } from '../engine';
import { createI18n } from '../i18n/i18n';
import { isInstant } from '../lib/instants';
import { checkLine, checkText } from '../lib/text-fields';
import { FILE_FORMAT, isOneLineQuestion, readAssessmentData, toFile, type FileProblem } from '../file-format/assessment-file';
import { MAX_LABEL_LENGTH, MAX_NOTE_LENGTH, newRecord, type AssessmentRecord } from '../assessment/record';
import { problemText, noticeText } from '../file-format/file-messages';
import { exportFile } from '../file-format/summarize';
import { exampleAnswers } from '../testing/fixtures';
import { toBase64Url } from '../portfolio/links';
import { planImport, resolveImport } from '../portfolio/importer';

// ---- a JSON tree that can say what JSON.parse never returns: duplicate keys, raw text --------------

export type Node = { o: [string, Node][] } | { a: Node[] } | { r: string };

export const toNode = (v: unknown): Node =>
  Array.isArray(v) ? { a: v.map(toNode) } : v !== null && typeof v === 'object' ? { o: Object.entries(v).map(([k, x]) => [k, toNode(x)]) } : { r: JSON.stringify(v) };

export const serialize = (n: Node): string =>
  'r' in n ? n.r : 'a' in n ? `[${n.a.map(serialize).join(',')}]` : `{${n.o.map(([k, v]) => `${JSON.stringify(k)}:${serialize(v)}`).join(',')}}`;

const clone = (n: Node): Node => ('r' in n ? { r: n.r } : 'a' in n ? { a: n.a.map(clone) } : { o: n.o.map(([k, v]) => [k, clone(v)]) });

/** Every place a node sits: a setter, and the node. */
function places(root: Node): { node: Node; set: (n: Node) => void; remove: () => void }[] {
  const out: { node: Node; set: (n: Node) => void; remove: () => void }[] = [];
  const walk = (n: Node) => {
    if ('a' in n) n.a.forEach((c, i) => (out.push({ node: c, set: (x) => (n.a[i] = x), remove: () => n.a.splice(i, 1) }), walk(c)));
    else if ('o' in n) n.o.forEach((e) => (out.push({ node: e[1], set: (x) => (e[1] = x), remove: () => n.o.splice(n.o.indexOf(e), 1) }), walk(e[1])));
  };
  walk(root);
  return out;
}
const objects = (root: Node): { o: [string, Node][] }[] => [root, ...places(root).map((p) => p.node)].filter((n): n is { o: [string, Node][] } => 'o' in n);

// ---- pools: the hostile pieces ---------------------------------------------------------------------

/** Characters the checks must refuse somewhere (or keep, for line breaks in notes). */
export const NASTY_CHARS = ['\u0000', '\n', '\r', '\r\n', '\t', '\u0007', '\u001b', '\u007f', '\u0085', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C', '\u2028', '\u2029', '\uD800', '\uDFFF', '\uFEFF', '\u200B', 'ש', 'ع', '"', '\\', '{{x}}', '$t(app:close)', '%', '<b>'];
const VALUES = ['null', 'true', 'false', '0', '-1', '1.5', '1e999', '-0', '123456789012345678901234567890', '""', '" "', '"x"', '[]', '{}', '[[]]', '{"a":1}', '"yes"', '"no"', '"not_sure"', '["none"]', '"2026-05-01T25:00:00Z"', '"2026-02-30T00:00:00Z"', '"0000-00-00T00:00:00Z"', '"1.0.0"', '"99.0.0"', '"section:product"', '"result"', '"done"', '"todo"', '{"status":"done"}', '"toString"', '"__proto__"', '{"__proto__":{"polluted":true}}'];
const DATES = ['2026-05-01T25:00:00Z', '2026-02-30T10:00:00Z', '2027-02-29T00:00:00Z', '2026-13-01T00:00:00Z', '2026-05-01T10:60:00Z', '2026-05-01T10:00:60Z', '2026-05-00T00:00:00Z', '9999-12-31T23:59:59Z', '1970-01-01T00:00:00Z', '2026-05-01T10:00:00+08:00', '2026-05-01', '2026-05-01T10:00:00.1234567890Z', '+275760-09-13T00:00:00Z', ''];
const KEYS = ['__proto__', 'constructor', 'prototype', 'extra', 'toString', 'hasOwnProperty', 'valueOf', '', ' ', 'format', 'schemaVersion', 'assessment', 'result', 'note', 'status', 'ruleSetVersion', 'incubator', 'label'];
const DEPTHS = [15, 16, 17, 64, 1000, 20_000, 100_000];
const LENGTHS = [199, 200, 201, 2000, 2001, 4001, 100_000, 1_000_001];

export interface Mutation {
  kind: number;
  at: number;
  pick: number;
  s: string;
}
export const KINDS = 13;
export const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.nat({ max: KINDS - 1 }),
  at: fc.nat(),
  pick: fc.nat(),
  s: fc.string({ maxLength: 8, unit: 'binary' }),
});

// Made once: the big pieces are what costs, not the choices.
const NESTED = DEPTHS.flatMap((d) => [`${'['.repeat(d)}0${']'.repeat(d)}`, `${'{"a":'.repeat(d)}0${'}'.repeat(d)}`]);
const LONG = LENGTHS.map((n) => JSON.stringify('x'.repeat(n)));
const stringNode = (n: Node): n is { r: string } => 'r' in n && n.r.startsWith('"');

/** A valid file's tree with `muts` applied: the text to feed the check. */
export function mutateFile(base: Node, muts: readonly Mutation[]): string {
  const root = clone(base);
  const textEdits: Mutation[] = [];
  for (const m of muts) {
    const ps = places(root);
    const p = ps[m.at % ps.length]!;
    const objs = objects(root);
    const obj = objs[m.at % objs.length]!;
    switch (m.kind) {
      case 0: // a value of another type
        p.set({ r: VALUES[m.pick % VALUES.length]! });
        break;
      case 1: // nesting deep enough to overflow whatever walks it recursively
        p.set({ r: NESTED[m.pick % NESTED.length]! });
        break;
      case 2: // a huge string
        p.set({ r: LONG[m.pick % LONG.length]! });
        break;
      case 3: {
        // a control or direction character inside a string
        const strings = ps.filter((x) => stringNode(x.node));
        const q = strings[m.at % strings.length];
        if (!q) break;
        const v = JSON.parse((q.node as { r: string }).r) as string;
        const c = m.pick % 5 === 0 ? m.s : NASTY_CHARS[m.pick % NASTY_CHARS.length]!;
        const i = m.pick % (v.length + 1);
        q.set({ r: JSON.stringify(v.slice(0, i) + c + v.slice(i)) });
        break;
      }
      case 4: {
        // a key given twice
        const e = obj.o[m.pick % Math.max(1, obj.o.length)];
        if (e) obj.o.splice(m.pick % (obj.o.length + 1), 0, [e[0], m.pick % 2 ? clone(e[1]) : { r: VALUES[m.pick % VALUES.length]! }]);
        break;
      }
      case 5: // a key JavaScript treats specially
        obj.o.splice(m.pick % (obj.o.length + 1), 0, [['__proto__', 'constructor', 'prototype'][m.pick % 3]!, { r: m.pick % 2 ? '{"polluted":true}' : '{"prototype":{"polluted":true}}' }]);
        break;
      case 6: // an impossible or odd date
        p.set({ r: JSON.stringify(DATES[m.pick % DATES.length]) });
        break;
      case 7: // an extra key
        obj.o.push([m.pick % 3 === 0 ? m.s : KEYS[m.pick % KEYS.length]!, { r: VALUES[m.pick % VALUES.length]! }]);
        break;
      case 8: // a member removed
        p.remove();
        break;
      case 9: // a node wrapped in a list or an object
        p.set(m.pick % 2 ? { a: [p.node] } : { o: [['value', p.node]] });
        break;
      case 10: {
        // a key renamed
        const e = obj.o[m.pick % Math.max(1, obj.o.length)];
        if (e) e[0] = m.pick % 2 ? m.s : e[0].toUpperCase();
        break;
      }
      default: // edits of the text itself: cut short, a character replaced
        textEdits.push(m);
    }
  }
  let text = serialize(root);
  for (const m of textEdits) {
    const i = m.at % (text.length + 1);
    text = m.kind === 11 ? text.slice(0, i) : text.slice(0, i) + (m.s || '\u0000') + text.slice(i + 1);
  }
  return text;
}

// ---- valid starting points ----------------------------------------------------------------------

const EXAMPLES = ['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9'];

/** Exported files covering every field: titles, cohorts, notes, baselines, an older rule set, schema 1. */
export function baseFiles(rs: RuleSet): Node[] {
  const at = new Date('2026-11-23T10:00:00Z');
  return EXAMPLES.map((id, i) => {
    const rec: AssessmentRecord = {
      ...newRecord(at, `base${i}`),
      answers: exampleAnswers(id) as AssessmentRecord['answers'],
      step: 'result',
      duties: { 'EU-4-literacy': { status: 'done', note: '培训已完成\n第二行' }, 'EU-9-risk-management': { status: 'in_progress' } },
      ...(i % 2 ? { title: `Product ${id}`, assessor: 'Li Wei' } : {}),
      ...(i % 3 === 0 ? { cohort: { incubator: 'Pudong AI Hub', label: '2026 秋季' } } : {}),
    };
    const file = JSON.parse(JSON.stringify(exportFile(rs, rec, at))) as Record<string, unknown> & { ruleSet: { version: string }; assessment: Record<string, unknown> };
    if (i === 4) {
      file.ruleSet.version = '0.9.0';
      file.assessment.baseline = { ruleSetVersion: '0.8.0', result: file.result };
    }
    if (i === 5) file.schemaVersion = 1;
    return toNode(file);
  });
}

/** A share link's data (what follows "#/share/") for any text: gzip without its 10-byte header. */
export function linkFor(text: string): string {
  const packed = gzipSync(new TextEncoder().encode(text), { level: 1 }).subarray(10);
  return `1/${packed.length}/${toBase64Url(packed)}`;
}

// ---- what every outcome must satisfy ------------------------------------------------------------

const langs = [createI18n('en'), createI18n('zh-CN')];
/** Characters a message must never show raw (they would reorder or break it). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSHOWABLE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const PLACEHOLDER = /\{\{(field|path|key|count|max|got|reason|char|length|created|updated|bytes|expected|supported|file|current|question|duty|value|options|min|regime|from|to|incubator|label)\}\}/;

/** Fails the case with `what` (plain checks: ten thousand cases cannot afford a matcher each). */
export function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(what);
}

/** A message as the user reads it: present, localised, every placeholder filled, nothing raw in it. */
export function expectMessage(text: string): void {
  check(typeof text === 'string' && text.length > 2, `empty message: ${JSON.stringify(text)}`);
  // No placeholder left unfilled, no key shown instead of its text, no character that reorders or breaks it.
  check(!PLACEHOLDER.test(text), `unfilled placeholder: ${text}`);
  check(!/^((errors|portfolio|app):)?(file|notice|answer|invite|share|list)\.[a-z_.]+$/.test(text), `a key, not a text: ${text}`);
  check(!UNSHOWABLE.test(text), `raw control or direction character in: ${JSON.stringify(text)}`);
}

/** A refusal: at least one problem, each worded in both languages, none of them an unforeseen error. */
export function expectRefusal(problems: readonly FileProblem[]): void {
  check(problems.length > 0 && problems.length <= 80, `${problems.length} problems`);
  for (const p of problems) {
    check(p.code !== 'unexpected', `an exception became a refusal: ${JSON.stringify(p).slice(0, 300)}`);
    for (const i of langs) expectMessage(problemText(p, i.t));
  }
}

const fieldOk = (v: string | undefined, max: number) => v === undefined || (checkLine(v, max).ok && v === v.trim() && v.length > 0);

/** An accepted record: every field as the checks promise, and it reads back unchanged once written. */
export function expectGoodRecord(rs: RuleSet, rec: AssessmentRecord, notices: readonly { code: string; params: Record<string, string | number> }[]): void {
  const at = `record ${JSON.stringify(rec).slice(0, 300)}`;
  check(/^[A-Za-z0-9_-]{1,64}$/.test(rec.id), `id: ${at}`);
  check(isInstant(rec.createdAt) && isInstant(rec.updatedAt) && Date.parse(rec.createdAt) <= Date.parse(rec.updatedAt), `dates: ${at}`);
  for (const v of [rec.title, rec.assessor, rec.cohort?.incubator, rec.cohort?.label]) check(fieldOk(v, MAX_LABEL_LENGTH), `name ${JSON.stringify(v)}: ${at}`);
  for (const d of Object.values(rec.duties)) {
    if (d.note === undefined) continue;
    const c = checkText(d.note, MAX_NOTE_LENGTH);
    check(c.ok && c.value === d.note, `note ${JSON.stringify(d.note)}: ${at}`);
  }
  for (const [k, v] of Object.entries(rec.answers)) {
    const q = rs.questionById.get(k);
    check(q !== undefined, `answer to no question ${k}: ${at}`);
    if (q?.type === 'text') check((isOneLineQuestion(q) ? checkLine(v, Infinity) : checkText(v, Infinity)).ok, `text answer ${k}: ${at}`);
  }
  check(notices.length <= 80, `${notices.length} notices`);
  for (const n of notices) for (const i of langs) expectMessage(noticeText(n as never, i.t));
  // What the app then writes, it reads back as it was.
  const again = readAssessmentData(rs, JSON.parse(JSON.stringify(toFile(rs, rec))));
  expect(again.ok && again.record).toEqual(rec);
}

/** Nothing leaked onto the prototypes every object shares. */
export function expectNoPollution(): void {
  check(({} as Record<string, unknown>).polluted === undefined && ([] as unknown as Record<string, unknown>).polluted === undefined, 'a prototype was polluted');
  check(Object.getOwnPropertyNames(Object.prototype).length === PROTO_KEYS, 'Object.prototype gained a property');
}
const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).length;

/**
 * One file through the portfolio's import, as the page runs it: exactly one outcome, a worded refusal
 * with nothing planned for storage, or a sound record. Counts the outcome in `seen`.
 */
export async function expectImportOutcome(rs: RuleSet, name: string, text: string, seen: { refused: number; accepted: number }): Promise<void> {
  const plan = await planImport(rs, [{ name, text }], new Map());
  check(plan.good.length + plan.bad.length === 1, 'one outcome per file');
  if (plan.bad.length) {
    seen.refused++;
    expectRefusal(plan.bad[0]!.problems);
    // Nothing refused reaches storage: what the page would store is exactly the good ones.
    check(resolveImport(plan, () => 'update').length === 0, 'a refused file planned for storage');
  } else {
    seen.accepted++;
    expectGoodRecord(rs, plan.good[0]!.record, plan.good[0]!.notices);
  }
}

/** Runs `body` and returns how long it took; the caller keeps the longest. */
export async function timed(body: () => Promise<void> | void): Promise<number> {
  const t0 = performance.now();
  await body();
  return performance.now() - t0;
}

export { FILE_FORMAT };
