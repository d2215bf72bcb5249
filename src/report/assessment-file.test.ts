/** The assessment file: export → import round trip, and every kind of bad file refused with its reason. */
import { describe, expect, it } from 'vitest';
import { ANSWER_ERROR_CODES } from '../engine/answers';
import { LANGS } from '../engine/constants';
import { createI18n } from '../i18n/i18n';
import { exampleAnswers, projectRules } from '../testing/fixtures';
import { FILE_FORMAT, MAX_FILE_BYTES, newRecord, readAssessmentFile, toFile, type AssessmentRecord, type FileProblemCode } from './assessment-file';

const rs = projectRules();
const record = (): AssessmentRecord => ({
  ...newRecord(new Date('2026-11-23T10:00:00Z'), 'abc123'),
  assessor: 'Li Wei',
  answers: exampleAnswers('E1') as AssessmentRecord['answers'],
  step: 'result',
  duties: { 'EU-9-risk-management': { status: 'in_progress', note: '负责人：法务' }, 'EU-4-literacy': { status: 'done' } },
});
const text = (f: unknown) => JSON.stringify(f);
const codes = (t: string): FileProblemCode[] => {
  const r = readAssessmentFile(rs, t);
  return r.ok ? [] : r.problems.map((p) => p.code);
};
const edit = (f: (x: ReturnType<typeof toFile>) => void) => {
  const file = toFile(rs, record());
  f(file);
  return text(file);
};

describe('assessment file', () => {
  it('round-trips: what is exported is imported unchanged', () => {
    const r = readAssessmentFile(rs, text(toFile(rs, record())));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.record).toEqual(record());
      expect(r.notices).toEqual([]);
    }
  });

  it('says which format, schema and rule set it is', () => {
    const f = toFile(rs, record(), new Date('2026-11-23T12:00:00Z'));
    expect(f).toMatchObject({ format: FILE_FORMAT, schemaVersion: 1, ruleSet: { version: rs.version, date: rs.date }, exportedAt: '2026-11-23T12:00:00.000Z' });
  });

  it.each<[string, string, FileProblemCode]>([
    ['empty', '  ', 'empty'],
    ['not JSON', '{"format": ', 'bad_json'],
    ['an array', '[]', 'not_object'],
    ['another format', text({ format: 'something-else' }), 'wrong_format'],
    ['a future schema', edit((f) => ((f as { schemaVersion: number }).schemaVersion = 2)), 'unsupported_schema'],
    ['no rule-set version', edit((f) => ((f.ruleSet as { version: unknown }).version = 'latest')), 'bad_rule_set'],
    ['no assessment', edit((f) => ((f as { assessment: unknown }).assessment = null)), 'bad_field'],
    ['a bad step', edit((f) => ((f.assessment as { step: string }).step = 'section:../../x')), 'bad_field'],
    ['a bad date', edit((f) => (f.assessment.updatedAt = 'yesterday')), 'bad_field'],
    ['an unknown option', edit((f) => (f.assessment.answers.ai_techniques = ['telepathy'])), 'bad_answers'],
    ['a bad duty status', edit((f) => (f.assessment.duties['EU-4-literacy'] = { status: 'finished' as never })), 'bad_duty'],
  ])('refuses %s', (_label, t, code) => {
    expect(codes(t)).toContain(code);
  });

  it('refuses an oversized file before parsing it', () => {
    expect(codes(`{"x":"${'a'.repeat(MAX_FILE_BYTES)}"}`)).toEqual(['too_large']);
  });

  it('refuses a __proto__ key among the answers, and does not pollute prototypes', () => {
    const t = text(toFile(rs, record())).replace('"answers":{', '"answers":{"__proto__":{"polluted":true},');
    const r = readAssessmentFile(rs, t);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.answerError?.question)).toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses answers to questions the other answers do not ask (a hidden answer never counts)', () => {
    const t = edit((f) => (f.assessment.answers.eu_nexus = ['none']));
    const r = readAssessmentFile(rs, t);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.some((p) => p.answerError?.code === 'not_asked')).toBe(true);
  });

  it('takes a file from another rule-set version with a notice, and drops statuses of duties it no longer has', () => {
    const r = readAssessmentFile(
      rs,
      edit((f) => {
        f.ruleSet.version = '0.9.0';
        f.assessment.duties['EU-99-gone'] = { status: 'done' };
      }),
    );
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.notices.map((n) => n.code).sort()).toEqual(['other_rule_set', 'unknown_duty_dropped']);
      expect(r.record.duties['EU-99-gone']).toBeUndefined();
    }
  });

  it('has a message in both languages for every problem and notice it can report', () => {
    const problems: FileProblemCode[] = ['too_large', 'empty', 'bad_json', 'not_object', 'wrong_format', 'unsupported_schema', 'bad_rule_set', 'bad_field', 'bad_answers', 'bad_duty'];
    for (const lang of LANGS) {
      const i = createI18n(lang);
      for (const p of problems) expect(i.exists(`errors:file.${p}`), `${lang} ${p}`).toBe(true);
      for (const n of ['other_rule_set', 'unknown_duty_dropped']) expect(i.exists(`errors:notice.${n}`), `${lang} ${n}`).toBe(true);
      for (const s of ['todo', 'in_progress', 'done', 'not_applicable']) expect(i.exists(`result:status.${s}`), `${lang} ${s}`).toBe(true);
      expect(ANSWER_ERROR_CODES.every((c) => i.exists(`errors:answer.${c}`))).toBe(true);
    }
  });
});
