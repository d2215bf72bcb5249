/**
 * Fuzzing answer sets (issue 14): an exported file whose answers are replaced by, or mixed with, random
 * JSON values under real and invented question ids — wrong types, option ids of other questions, long
 * and hostile strings, nested lists — read by the importer's planning function, under the current rule
 * set and an older one (whose unknown answers are dropped with a notice). Also the same data handed to
 * the check as the browser's storage returns it (values JSON cannot hold: undefined, NaN, dates, maps,
 * sparse lists). Every outcome is a worded refusal with nothing to store, or a sound record.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAssessmentData } from '../file-format/assessment-file';
import { projectRules } from '../testing/fixtures';
import { baseFiles, expectGoodRecord, expectImportOutcome, expectNoPollution, expectRefusal, NASTY_CHARS, serialize, timed, toNode, type Node } from './generators';

const rs = projectRules();
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const bases = baseFiles(rs).map((n) => JSON.parse(serialize(n)) as { ruleSet: { version: string }; assessment: { answers: Record<string, unknown> } });
const questionIds = rs.questions.map((q) => q.id);
const optionIds = [...new Set(rs.questions.flatMap((q) => [...('allowed' in q ? (q.allowed as ReadonlySet<string>) : [])]))];

const key = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...questionIds) }, fc.constantFrom('__proto__', 'constructor', 'toString', ''), fc.string({ maxLength: 10 }));
const value = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<unknown>(...optionIds) },
  { weight: 2, arbitrary: fc.uniqueArray(fc.constantFrom(...optionIds), { maxLength: 4 }) },
  fc.jsonValue({ maxDepth: 2 }),
  fc.tuple(fc.constantFrom(...NASTY_CHARS), fc.string({ maxLength: 20 }), fc.nat({ max: 300 })).map(([c, s, n]) => `${s}${c}${'y'.repeat(n)}`),
  fc.constantFrom<unknown>(null, true, 0, -0, 1e308, '', ' ', 'yes', 'no', 'not_sure', ['none'], [], {}, 'x'.repeat(201), 'x'.repeat(4001)),
);
const answerSet = fc.record({
  base: fc.nat({ max: bases.length - 1 }),
  keep: fc.boolean(),
  extra: fc.dictionary(key, value, { maxKeys: 8 }),
  whole: fc.option(fc.jsonValue({ maxDepth: 2 }), { freq: 10 }),
});

/** The file with its answers replaced: a tree, so keys such as __proto__ reach the text as keys. */
function fileWith(base: number, keep: boolean, extra: Record<string, unknown>, whole: unknown): string {
  const file = toNode(bases[base]) as { o: [string, Node][] };
  const assessment = file.o.find(([k]) => k === 'assessment')![1] as { o: [string, Node][] };
  const entry = assessment.o.find(([k]) => k === 'answers')!;
  if (whole !== null) entry[1] = toNode(whole);
  else {
    const answers = keep ? (entry[1] as { o: [string, Node][] }).o.filter(([k]) => !Object.hasOwn(extra, k)) : [];
    entry[1] = { o: [...answers, ...Object.entries(extra).map(([k, v]): [string, Node] => [k, toNode(v)])] };
  }
  return serialize(file);
}

/** A list with a hole at index 0. */
function sparse(): unknown[] {
  const a: unknown[] = [];
  a[1] = 'hole';
  return a;
}

describe('fuzz: answer sets', () => {
  it(`${RUNS} random answer sets in files: refused with the question named and nothing to store, or a sound record`, async () => {
    let longest = 0;
    const seen = { refused: 0, accepted: 0 };
    const t0 = performance.now();
    await fc.assert(
      fc.asyncProperty(answerSet, async ({ base, keep, extra, whole }) => {
        const text = fileWith(base, keep, extra, whole);
        longest = Math.max(
          longest,
          await timed(() => expectImportOutcome(rs, 'answers.json', text, seen)),
        );
        expectNoPollution();
      }),
      { numRuns: RUNS },
    );
    console.info(`fuzz answer sets: ${RUNS} cases in ${((performance.now() - t0) / 1000).toFixed(1)} s (${seen.refused} refused, ${seen.accepted} accepted), longest case ${longest.toFixed(0)} ms`);
    expect(longest).toBeLessThan(5_000);
    expect(Math.min(seen.refused, seen.accepted)).toBeGreaterThan(RUNS / 20);
  });

  it(`${Math.round(RUNS / 5)} stored entries holding what JSON cannot (undefined, NaN, dates, maps, sparse lists): set aside or sound, never a throw`, () => {
    const odd = fc.constantFrom<unknown>(undefined, NaN, Infinity, -0, new Date(Number.NaN), new Date(0), new Map([['a', 1]]), new Set([1]), sparse(), new Uint8Array(3), /x/, Object.create(null));
    const seen = { refused: 0, accepted: 0 };
    fc.assert(
      fc.property(answerSet, fc.constantFrom('answers', 'duties', 'cohort', 'title', 'createdAt', 'baseline', 'step'), odd, ({ base, extra }, field, v) => {
        const entry = structuredClone(bases[base]!) as { assessment: Record<string, unknown> };
        entry.assessment.answers = { ...(entry.assessment.answers as object), ...extra };
        entry.assessment[field] = field === 'answers' ? { ...(entry.assessment.answers as object), company_name: v } : v;
        const r = readAssessmentData(rs, structuredClone(entry));
        if (r.ok) {
          seen.accepted++;
          expectGoodRecord(rs, r.record, r.notices);
        } else {
          seen.refused++;
          expectRefusal(r.problems);
        }
        expectNoPollution();
      }),
      { numRuns: Math.round(RUNS / 5) },
    );
    expect(seen.refused).toBeGreaterThan(0);
  });
});
