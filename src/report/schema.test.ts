/** The CLI's JSON output conforms to the JSON Schema shipped in public/schema, for every example and random answers. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess } from '../engine';
import { createI18n } from '../i18n/i18n';
import { answersArb } from '../testing/arbitraries';
import { exampleAnswers, projectRules } from '../testing/fixtures';
import { present } from './present';

const schema = JSON.parse(readFileSync(resolve('public/schema/assessment-report.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
const rs = projectRules();

function reports(answers: unknown, lang: 'en' | 'zh-CN') {
  const r = assess(rs, answers, { date: '2026-11-23' });
  if (!r.ok) throw new Error('invalid answers');
  return [present(rs, r.assessment, lang, createI18n(lang).t)];
}

describe('assessment-report.schema.json', () => {
  it.each(['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9'])('accepts the report of %s in both languages', (id) => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const ok = validate(reports(exampleAnswers(id), lang));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it('accepts reports of random answer sets, open questions included', () => {
    fc.assert(
      fc.property(answersArb(rs, { unansweredWeight: 3 }), (answers) => {
        validate(reports(answers, 'en'));
        expect(validate.errors ?? []).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('rejects a report missing its tiers', () => {
    const rep: Partial<ReturnType<typeof reports>[number]> = reports(exampleAnswers('E1'), 'en')[0]!;
    delete rep.regimes;
    expect(validate([rep])).toBe(false);
  });
});
