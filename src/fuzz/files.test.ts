/**
 * Fuzzing the import of files (issue 14): valid exported files mutated — wrong types, deep nesting,
 * huge strings, control and direction characters, duplicate and forbidden keys, impossible dates,
 * extra keys at every level, cut short, characters replaced — fed to the importer's planning function.
 * Every outcome is a refusal worded in both languages with nothing planned for storage, or a record
 * that satisfies every promise of the check; nothing throws, hangs or pollutes a prototype.
 * FUZZ_RUNS sets the number of cases (default 10,000).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAssessmentFile } from '../file-format/read-file';
import { summarizer } from '../file-format/summarize';
import { projectRules } from '../testing/fixtures';
import { baseFiles, expectImportOutcome, expectNoPollution, mutateFile, mutation, serialize, timed } from './generators';

const rs = projectRules();
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const bases = baseFiles(rs);
const summarize = summarizer(rs);

describe('fuzz: import files', () => {
  it('every valid starting file is accepted (so the mutations start from good files)', () => {
    for (const b of bases) expect(readAssessmentFile(rs, serialize(b), summarize).ok).toBe(true);
  });

  it(`${RUNS} mutated files: a worded refusal with nothing to store, or a sound record; never an exception, a hang or pollution`, async () => {
    let longest = 0;
    const seen = { refused: 0, accepted: 0 };
    const t0 = performance.now();
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: bases.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (b, muts) => {
        const text = mutateFile(bases[b]!, muts);
        longest = Math.max(
          longest,
          await timed(() => expectImportOutcome(rs, 'fuzz.json', text, seen)),
        );
        expectNoPollution();
      }),
      { numRuns: RUNS },
    );
    const seconds = (performance.now() - t0) / 1000;
    console.info(`fuzz files: ${RUNS} cases in ${seconds.toFixed(1)} s (${seen.refused} refused, ${seen.accepted} accepted), longest case ${longest.toFixed(0)} ms`);
    expect(longest).toBeLessThan(5_000);
    expect(seen.refused).toBeGreaterThan(RUNS / 2);
  });
});
