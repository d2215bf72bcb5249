/** The assessment file: export → import round trip, and every kind of bad file refused with its reason. */
import { describe, expect, it } from 'vitest';
import { ANSWER_ERROR_CODES } from '../engine/answers';
import { LANGS } from '../engine/constants';
import { createI18n } from '../i18n/i18n';
import { exampleAnswers, projectRules } from '../testing/fixtures';
import { FILE_FORMAT, MAX_FILE_BYTES, newRecord, readAssessmentFile, type AssessmentRecord, type FileProblemCode, FILE_NOTICE_CODES } from './assessment-file';
import { exportFile, summarizer } from './summarize';

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
const edit = (f: (x: ReturnType<typeof exportFile>) => void) => {
  const file = exportFile(rs, record());
  f(file);
  return text(file);
};

describe('assessment file', () => {
  it('round-trips: what is exported is imported unchanged', () => {
    const r = readAssessmentFile(rs, text(exportFile(rs, record())));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.record).toEqual(record());
      expect(r.notices).toEqual([]);
    }
  });

  it('without its result computed, still reads; the older-version note then only names the versions', () => {
    const r = readAssessmentFile(rs, edit((f) => (f.ruleSet.version = '0.9.0')));
    expect(r.ok && r.notices.map((n) => n.code)).toEqual(['other_rule_set']);
  });

  it('says which format, schema and rule set it is', () => {
    const f = exportFile(rs, record(), new Date('2026-11-23T12:00:00Z'));
    expect(f).toMatchObject({ format: FILE_FORMAT, schemaVersion: 2, ruleSet: { version: rs.version, date: rs.date }, exportedAt: '2026-11-23T12:00:00.000Z' });
  });

  it.each<[string, string, FileProblemCode]>([
    ['empty', '  ', 'empty'],
    ['not JSON', '{"format": ', 'bad_json'],
    ['an array', '[]', 'not_object'],
    ['another format', text({ format: 'something-else' }), 'wrong_format'],
    ['a future schema', edit((f) => ((f as { schemaVersion: number }).schemaVersion = 3)), 'unsupported_schema'],
    ['a rule set newer than the app', edit((f) => (f.ruleSet.version = '9.0.0')), 'newer_rule_set'],
    ['an unknown top-level field', edit((f) => Object.assign(f, { extra: 1 })), 'unknown_field'],
    ['an unknown assessment field', edit((f) => Object.assign(f.assessment, { colour: 'red' })), 'unknown_field'],
    ['a cohort without a label', edit((f) => Object.assign(f.assessment, { cohort: { incubator: 'X Hub' } })), 'bad_field'],
    ['a title with a line break', edit((f) => (f.assessment.title = 'a\nb')), 'bad_field'],
    ['a malformed result', edit((f) => Object.assign(f, { result: { overall: 'very high' } })), 'bad_field'],
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

  it.each([
    ['at the top level', (t: string) => t.replace('{', '{"__proto__":{"polluted":true},'), '__proto__'],
    ['among the answers', (t: string) => t.replace('"answers":{', '"answers":{"__proto__":{"polluted":true},'), 'assessment.answers.__proto__'],
    ['inside a duty status', (t: string) => t.replace('"status":"done"', '"status":"done","constructor":{"prototype":1}'), 'assessment.duties.EU-4-literacy.constructor'],
  ])('refuses a __proto__/constructor key %s, names where, and pollutes nothing', (_label, inject, path) => {
    const r = readAssessmentFile(rs, inject(text(exportFile(rs, record()))));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual([{ code: 'forbidden_key', params: { path } }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('migrates a schema 1 file (the previous export) without changing its meaning', () => {
    const v1 = { format: FILE_FORMAT, schemaVersion: 1, ruleSet: { version: rs.version, date: rs.date }, exportedAt: '2026-11-20T09:00:00.000Z', assessment: record() };
    const r = readAssessmentFile(rs, text(v1));
    expect(r.ok && r.record).toEqual(record());
  });

  it('carries title, cohort and baseline through export and import', () => {
    const withTags: AssessmentRecord = { ...record(), title: 'Spring pilot', cohort: { incubator: 'Pudong AI Hub', label: '2026 秋季' } };
    const r = readAssessmentFile(rs, text(exportFile(rs, withTags)));
    expect(r.ok && r.record).toEqual(withTags);
  });

  it('refuses answers to questions the other answers do not ask (a hidden answer never counts)', () => {
    const t = edit((f) => (f.assessment.answers.eu_nexus = ['none']));
    const r = readAssessmentFile(rs, t);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.some((p) => p.answerError?.code === 'not_asked')).toBe(true);
  });

  it('takes a file from an older rule-set version with a notice, and drops statuses of duties it no longer has', () => {
    const r = readAssessmentFile(
      rs,
      edit((f) => {
        f.ruleSet.version = '0.9.0';
        f.assessment.duties['EU-99-gone'] = { status: 'done' };
      }),
      summarizer(rs),
    );
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.notices.map((n) => n.code)).toEqual(['other_rule_set', 'unknown_duty_dropped', 'rule_set_no_change']);
      expect(r.record.duties['EU-99-gone']).toBeUndefined();
      expect(r.ruleSetVersion).toBe('0.9.0');
    }
  });

  it('says what the current rule set changes for a file made under an older one: tiers moved, duties added and removed', () => {
    // The file's own record of its result under 0.9.0: EU limited, one duty the rule set has since dropped.
    const r = readAssessmentFile(
      rs,
      edit((f) => {
        f.ruleSet.version = '0.9.0';
        f.result = { overall: 'limited', tiers: { SH: 'high', SZ: 'out_of_scope', EU: 'limited' }, duties: ['EU-4-literacy', 'EU-50-old-transparency'] };
      }),
      summarizer(rs),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const by = (c: string) => r.notices.filter((n) => n.code === c).map((n) => n.params);
    expect(by('rule_set_overall')).toEqual([{ from: 'limited', to: 'high' }]);
    expect(by('rule_set_tier')).toEqual([{ regime: 'EU', from: 'limited', to: 'high' }]);
    expect(by('rule_set_duty_removed')).toEqual([{ duty: 'EU-50-old-transparency' }]);
    expect(by('rule_set_duty_added').map((p) => p.duty)).toContain('EU-9-risk-management');
    expect(by('rule_set_duty_added').map((p) => p.duty)).not.toContain('EU-4-literacy');
    expect(r.record.baseline).toEqual({ ruleSetVersion: '0.9.0', result: { overall: 'limited', tiers: { SH: 'high', SZ: 'out_of_scope', EU: 'limited' }, duties: ['EU-4-literacy', 'EU-50-old-transparency'] } });
  });

  it('drops answers to questions an older rule set had and the current one does not, with a notice', () => {
    const r = readAssessmentFile(
      rs,
      edit((f) => {
        f.ruleSet.version = '0.9.0';
        (f.assessment.answers as Record<string, unknown>).retired_question = 'yes';
      }),
    );
    expect(r.ok && r.notices.find((n) => n.code === 'old_answer_dropped')?.params).toEqual({ question: 'retired_question' });
    // The same answer in a file of the current version is an error, not a guess.
    expect(codes(edit((f) => ((f.assessment.answers as Record<string, unknown>).retired_question = 'yes')))).toEqual(['bad_answers']);
  });

  it('has a message in both languages for every problem and notice it can report', () => {
    const problems: FileProblemCode[] = ['too_large', 'unreadable', 'empty', 'bad_json', 'not_object', 'forbidden_key', 'wrong_format', 'unsupported_schema', 'unknown_field', 'bad_rule_set', 'newer_rule_set', 'bad_field', 'bad_answers', 'bad_duty'];
    for (const lang of LANGS) {
      const i = createI18n(lang);
      for (const p of problems) expect(i.exists(`errors:file.${p}`), `${lang} ${p}`).toBe(true);
      for (const n of FILE_NOTICE_CODES) expect(i.exists(`errors:notice.${n}`), `${lang} ${n}`).toBe(true);
      for (const s of ['todo', 'in_progress', 'done', 'not_applicable']) expect(i.exists(`result:status.${s}`), `${lang} ${s}`).toBe(true);
      expect(ANSWER_ERROR_CODES.every((c) => i.exists(`errors:answer.${c}`))).toBe(true);
    }
  });
});
