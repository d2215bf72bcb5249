/**
 * The command line's input readers under random and mutated input, called in-process on bytes cut into
 * random chunks (readInputBytes: the same code that reads files). For each format, 10,000 cases:
 * good records mixed with garbage, mutated records, deep nesting, invalid UTF-8, over-long lines and
 * rows, and whole documents mutated byte by byte. Asserted: nothing throws out of a reader, every reader
 * ends, every good record comes out as it went in (in its place), every refused record is named with
 * its number and a message that exists in both languages, and no item names a record that is not there.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleAnswers, seededRandom } from '../engine';
import { createI18n } from '../i18n/i18n';
import { newRecord } from '../assessment/record';
import { exportFile } from '../file-format/summarize';
import { projectRules } from '../testing/fixtures';
import { type InputItem, type InputKind, LIMITS, readInputBytes } from './inputs';

const rs = projectRules();
const RUNS = 10_000;
const limits = { ...LIMITS, recordBytes: 4096, jsonFileBytes: 256 * 1024 };
const en = createI18n('en').t;
const zh = createI18n('zh-CN').t;

/** Good records: random answer sets with meta, and two files exported by the app. */
const rng = seededRandom(14);
const GOOD: { text: string; answers: unknown; meta: Record<string, string> }[] = [
  ...Array.from({ length: 24 }, (_, i) => {
    const answers = sampleAnswers(rs, rng);
    const meta: Record<string, string> = i % 3 ? { company: `Co ${i} 公司`, product: `P${i}` } : {};
    return { text: JSON.stringify({ meta, answers }), answers, meta };
  }),
  ...[0, 1].map((i) => {
    const r = { ...newRecord(new Date('2026-11-01T09:00:00Z'), `exp-${i}`), answers: sampleAnswers(rs, rng), step: 'result' as const, assessor: `Wang ${i}` };
    return { text: JSON.stringify(exportFile(rs, r, new Date('2026-11-02T00:00:00Z'))), answers: r.answers, meta: { assessor: r.assessor } };
  }),
];

/** Bytes cut into chunks at the given points (the readers must not care where a chunk ends). */
function cut(bytes: Uint8Array, points: number[]): Uint8Array[] {
  const at = [...new Set(points.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let prev = 0;
  for (const p of [...at, bytes.length]) {
    if (p > prev) chunks.push(bytes.subarray(prev, p));
    prev = Math.max(prev, p);
  }
  return chunks;
}

async function read(kind: InputKind, bytes: Uint8Array, points: number[]): Promise<InputItem[]> {
  const items: InputItem[] = [];
  // Chunks handed over one by one, each in its own buffer (as a file read hands them).
  async function* chunks() {
    for (const c of cut(bytes, points)) yield Buffer.from(c);
  }
  for await (const x of readInputBytes('fuzz', kind, chunks(), rs, limits)) items.push(x);
  return items;
}

/** Every problem's message exists in English and Chinese (i18next returns the key itself when missing). */
function expectMessages(items: InputItem[]) {
  for (const { problem } of items) {
    if (!problem) continue;
    expect(problem.file).toBe('fuzz');
    const bare = problem.key.split(':')[1];
    expect(en(problem.key, problem.params)).not.toBe(bare);
    expect(zh(problem.key, problem.params)).not.toBe(bare);
  }
}

const enc = new TextEncoder();
const cuts = fc.array(fc.nat({ max: 1 << 16 }), { maxLength: 12 });
const text = fc.string({ unit: fc.constantFrom('a', '"', '\\', '{', '}', '[', ']', ',', ':', ' ', '1', 'é', '中', '\u001b', '\r', 'n', 'u', 'l', 't', 'e'), maxLength: 40 });
const good = fc.nat({ max: GOOD.length - 1 });

/** A line of an NDJSON file: what it holds, and what the reader must make of it. */
type Line = { bytes: Uint8Array; expect: 'good' | 'blank' | 'refused' | 'some'; good?: number };
const ndjsonLine: fc.Arbitrary<Line> = fc.oneof(
  { weight: 5, arbitrary: good.map((i) => ({ bytes: enc.encode(GOOD[i]!.text), expect: 'good' as const, good: i })) },
  { weight: 1, arbitrary: fc.constantFrom('', '  ', '\t').map((s) => ({ bytes: enc.encode(s), expect: 'blank' as const })) },
  // Garbage and mutated records: whatever they parse to, each is a record or a named problem.
  { weight: 2, arbitrary: text.filter((s) => !s.includes('\n')).map((s) => ({ bytes: enc.encode(s), expect: s.trim() ? ('some' as const) : ('blank' as const) })) },
  {
    weight: 2,
    arbitrary: fc.tuple(good, fc.nat(), fc.nat(), text).map(([i, a, b, ins]) => {
      const t = GOOD[i]!.text;
      const s = (t.slice(0, a % t.length) + ins + t.slice((a % t.length) + (b % 8))).replace(/\n/g, '');
      return { bytes: enc.encode(s), expect: s.trim() ? ('some' as const) : ('blank' as const) };
    }),
  },
  { weight: 1, arbitrary: fc.integer({ min: 65, max: 1500 }).map((d) => ({ bytes: enc.encode(`{"answers": ${'['.repeat(d)}${']'.repeat(d)}}`), expect: 'refused' as const })) },
  { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 20 }).map((b) => ({ bytes: Uint8Array.from([0x7b, 0xff, ...b.filter((x) => x !== 10)]), expect: 'refused' as const })) },
  { weight: 1, arbitrary: fc.integer({ min: 4097, max: 9000 }).map((n) => ({ bytes: enc.encode(`{"answers": "${'x'.repeat(n)}"}`), expect: 'refused' as const })) },
);

describe('fuzz: NDJSON reader', () => {
  it(`${RUNS.toLocaleString('en')} files of good, blank, garbage, mutated, deep, non-UTF-8 and over-long lines, cut anywhere`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(ndjsonLine, fc.constantFrom('\n', '\r\n')), { maxLength: 8 }), fc.boolean(), cuts, async (lines, lastNewline, points) => {
        const parts: number[] = [];
        lines.forEach(([l, eol], i) => parts.push(...l.bytes, ...(i < lines.length - 1 || lastNewline ? enc.encode(eol) : [])));
        const items = await read('ndjson', Uint8Array.from(parts), points);
        expectMessages(items);
        const nonBlank = lines.some(([l]) => l.expect !== 'blank');
        if (!nonBlank) {
          expect(items.map((x) => x.problem?.key)).toEqual(['cli:input.empty']);
          return;
        }
        for (const x of items) expect(x.record?.record ?? x.problem?.record).toBeGreaterThan(0);
        lines.forEach(([l], i) => {
          const mine = items.filter((x) => (x.record?.record ?? x.problem?.record) === i + 1);
          if (l.expect === 'blank') expect(mine).toEqual([]);
          else if (l.expect === 'good') {
            expect(mine).toHaveLength(1);
            expect(mine[0]!.record?.answers).toEqual(GOOD[l.good!]!.answers);
            expect(mine[0]!.record?.meta).toEqual(GOOD[l.good!]!.meta);
          } else if (l.expect === 'refused') {
            expect(mine.length).toBeGreaterThan(0);
            expect(mine.every((x) => x.problem)).toBe(true);
          } else expect(mine.length).toBeGreaterThan(0);
        });
        expect(items.length).toBeLessThanOrEqual(lines.length * 8);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});

/** An element of a JSON array file, and what the reader must make of it. */
const jsonElement: fc.Arbitrary<{ value: unknown; good?: number }> = fc.oneof(
  { weight: 4, arbitrary: good.map((i) => ({ value: JSON.parse(GOOD[i]!.text), good: i })) },
  { weight: 1, arbitrary: fc.constantFrom(1, 'x', null, true, [], [1], {}, { meta: {} }, { answers: 1, meta: 'x' }, { answers: {}, meta: [] }).map((value) => ({ value })) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => ({ value })) },
  { weight: 1, arbitrary: fc.tuple(good, fc.jsonValue({ maxDepth: 3 })).map(([i, v]) => ({ value: { ...JSON.parse(GOOD[i]!.text), format: v } })) },
  { weight: 1, arbitrary: fc.tuple(good, fc.jsonValue({ maxDepth: 3 })).map(([i, v]) => ({ value: { meta: { company: v, __proto__: 'x' }, answers: JSON.parse(GOOD[i]!.text).answers } })) },
);

describe('fuzz: JSON reader', () => {
  it(`${RUNS.toLocaleString('en')} arrays of good and bad records, and whole documents mutated, nested too deep, not UTF-8`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(jsonElement, { maxLength: 6 }),
        fc.oneof(
          { weight: 3, arbitrary: fc.constant(undefined) },
          { weight: 1, arbitrary: fc.tuple(fc.nat(), fc.nat({ max: 20 }), text).map(([at, del, ins]) => ({ at, del, ins })) },
          { weight: 1, arbitrary: fc.integer({ min: 65, max: 3000 }).map((deep) => ({ deep })) },
          { weight: 1, arbitrary: fc.uint8Array({ maxLength: 30 }).map((raw) => ({ raw })) },
        ),
        fc.boolean(),
        cuts,
        async (elements, mutation, bom, points) => {
          let doc = `${bom ? '\uFEFF' : ''}${JSON.stringify(elements.map((e) => e.value), null, elements.length % 2 ? 2 : undefined)}`;
          let bytes: Uint8Array;
          if (mutation && 'at' in mutation) doc = doc.slice(0, mutation.at % doc.length) + mutation.ins + doc.slice((mutation.at % doc.length) + mutation.del);
          if (mutation && 'deep' in mutation) doc = `[{"answers": {}, "format": ${'['.repeat(mutation.deep)}${']'.repeat(mutation.deep)}}]`;
          if (mutation && 'raw' in mutation) bytes = mutation.raw;
          else bytes = enc.encode(doc);
          const items = await read('json', bytes, points);
          expectMessages(items);
          expect(items.length).toBeGreaterThan(0);
          if (mutation && 'deep' in mutation) {
            expect(items.map((x) => x.problem?.key)).toEqual(['cli:input.tooDeep']);
            return;
          }
          if (mutation) return; // whatever it became: read to the end, every problem named (above)
          if (!elements.length) {
            expect(items.map((x) => x.problem?.key)).toEqual(['cli:input.empty']);
            return;
          }
          elements.forEach((e, i) => {
            const mine = items.filter((x) => (x.record?.record ?? x.problem?.record) === i + 1);
            expect(mine.length).toBeGreaterThan(0);
            if (e.good !== undefined) {
              expect(mine).toHaveLength(1);
              expect(mine[0]!.record?.answers).toEqual(GOOD[e.good]!.answers);
            }
          });
          expect(items.every((x) => (x.record?.record ?? x.problem?.record ?? 0) <= elements.length)).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  }, 120_000);
});

const COLUMNS = ['meta.company', 'meta.product', 'x_a', 'x_b', 'x_c', 'x_d'];
const cell = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', ';', '\n', '\r', 'é', '中', '\u001b', '='), maxLength: 12 });
const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
/** A CSV data row: good (one quoted cell per column), or bad in a known way. */
type Row = { text: Uint8Array; expect: 'good' | 'refused'; cells?: string[] };

describe('fuzz: CSV reader', () => {
  it(`${RUNS.toLocaleString('en')} files of quoted cells with commas, quotes and line breaks, wrong cell counts, over-long and non-UTF-8 rows, byte mutations`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(COLUMNS, { minLength: 1 }),
        fc.array(fc.tuple(fc.nat({ max: 9 }), fc.array(cell, { minLength: 6, maxLength: 6 })), { maxLength: 6 }),
        fc.constantFrom('\n', '\r\n'),
        fc.option(fc.tuple(fc.nat(), fc.nat({ max: 255 })), { freq: 4 }),
        cuts,
        async (header, rowSpecs, eol, mutation, points) => {
          const rows: Row[] = rowSpecs.map(([kind, cells]) => {
            const mine = cells.slice(0, header.length);
            const filled = mine.some((c) => c.trim()) ? mine : ['x', ...mine.slice(1)];
            if (kind === 0) return { text: enc.encode([...filled, 'extra'].map(quote).join(',')), expect: 'refused' };
            if (kind === 1) return { text: enc.encode(`${quote('x'.repeat(5000))}${','.repeat(header.length - 1)}`), expect: 'refused' };
            if (kind === 2) return { text: Uint8Array.from([0x61, 0xc3, 0x28, ...enc.encode(','.repeat(header.length - 1))]), expect: 'refused' };
            return { text: enc.encode(filled.map(quote).join(',')), expect: 'good', cells: filled };
          });
          const parts: number[] = [...enc.encode(header.join(',') + eol)];
          for (const r of rows) parts.push(...r.text, ...enc.encode(eol));
          const bytes = Uint8Array.from(parts);
          if (mutation) bytes[mutation[0] % bytes.length] = mutation[1];
          const items = await read('csv', bytes, points);
          expectMessages(items);
          expect(items.length).toBeGreaterThan(0);
          if (mutation) return; // whatever the byte did: read to the end, every problem named (above)
          if (!rows.length) {
            expect(items.map((x) => x.problem?.key)).toEqual(['cli:input.empty']);
            return;
          }
          rows.forEach((r, i) => {
            const mine = items.filter((x) => (x.record?.record ?? x.problem?.record) === i + 1);
            if (r.expect === 'refused') {
              expect(mine).toHaveLength(1);
              expect(mine[0]!.problem).toBeDefined();
              return;
            }
            expect(mine).toHaveLength(1);
            const answers: Record<string, string> = {};
            const meta: Record<string, string> = {};
            header.forEach((col, j) => {
              const v = r.cells![j]!.trim();
              if (!v) return;
              if (col.startsWith('meta.')) meta[col.slice(5)] = v;
              else answers[col] = v;
            });
            expect(mine[0]!.record?.answers).toEqual(answers);
            expect(mine[0]!.record?.meta).toEqual(meta);
          });
          expect(items).toHaveLength(rows.length);
        },
      ),
      { numRuns: RUNS },
    );
  }, 120_000);
});
