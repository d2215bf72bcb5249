/** The assessment file: export → import round trip, and every kind of bad file refused with its reason. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANSWER_ERROR_CODES, LANGS } from '../engine';
import { createI18n } from '../i18n/i18n';
import { EXAMPLES_DIR, exampleAnswers, projectRules } from '../testing/fixtures';
import { FILE_FORMAT, FILE_SCHEMA_VERSION, MAX_DEPTH, MAX_FILE_BYTES, MAX_LISTED, readAssessmentData, type AssessmentFile, type FileProblemCode, FILE_NOTICE_CODES } from './assessment-file';
import { MAX_LABEL_LENGTH, newRecord, type AssessmentRecord } from '../assessment/record';
import { readAssessmentFile } from './read-file';
import { problemText } from './file-messages';
import { exportFile, summarizer } from './summarize';

const rs = projectRules();
/** Every problem code (a code added to the type and not here fails to compile). */
const PROBLEM_CODES = Object.keys({
  too_large: 1, unreadable: 1, empty: 1, bad_json: 1, bad_json_at: 1, bad_json_end: 1, too_deep: 1, duplicate_key: 1, not_object: 1, forbidden_key: 1, wrong_format: 1, unsupported_schema: 1,
  unknown_field: 1, bad_rule_set: 1, newer_rule_set: 1, bad_field: 1, bad_date: 1, dates_out_of_order: 1, text_control: 1, text_bidi: 1, text_surrogate: 1,
  text_too_long: 1, bad_answers: 1, bad_duty: 1, unexpected: 1, more: 1,
} satisfies Record<FileProblemCode, 1>);
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
    expect(f).toMatchObject({ format: FILE_FORMAT, schemaVersion: FILE_SCHEMA_VERSION, ruleSet: { version: rs.version, date: rs.date }, exportedAt: '2026-11-23T12:00:00.000Z' });
  });

  it.each<[string, string, FileProblemCode]>([
    ['empty', '  ', 'empty'],
    ['not JSON, cut short', '{"format": ', 'bad_json_end'],
    ['not JSON, edited by hand', '{\n  "format": 1,\n}', 'bad_json_at'],
    ['an array', '[]', 'not_object'],
    ['another format', text({ format: 'something-else' }), 'wrong_format'],
    ['a future schema', edit((f) => ((f as { schemaVersion: number }).schemaVersion = FILE_SCHEMA_VERSION + 1)), 'unsupported_schema'],
    ['a rule set newer than the app', edit((f) => (f.ruleSet.version = '9.0.0')), 'newer_rule_set'],
    ['an unknown top-level field', edit((f) => Object.assign(f, { extra: 1 })), 'unknown_field'],
    ['an unknown assessment field', edit((f) => Object.assign(f.assessment, { colour: 'red' })), 'unknown_field'],
    ['a cohort without a label', edit((f) => Object.assign(f.assessment, { cohort: { incubator: 'X Hub' } })), 'bad_field'],
    ['a title with a line break', edit((f) => (f.assessment.title = 'a\nb')), 'text_control'],
    ['a malformed result', edit((f) => Object.assign(f, { result: { overall: 'very high' } })), 'bad_field'],
    ['no rule-set version', edit((f) => ((f.ruleSet as { version: unknown }).version = 'latest')), 'bad_rule_set'],
    ['no assessment', edit((f) => ((f as { assessment: unknown }).assessment = null)), 'bad_field'],
    ['a bad step', edit((f) => ((f.assessment as { step: string }).step = 'section:../../x')), 'bad_field'],
    ['a bad date', edit((f) => (f.assessment.updatedAt = 'yesterday')), 'bad_date'],
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

  it('migrates a schema 2 file (before documents were recorded) without changing its meaning', () => {
    const v2 = { format: FILE_FORMAT, schemaVersion: 2, ruleSet: { version: rs.version, date: rs.date }, exportedAt: '2026-11-20T09:00:00.000Z', assessment: record() };
    const r = readAssessmentFile(rs, text(v2));
    expect(r.ok && r.record).toEqual(record());
  });

  it('carries the last issued document, and the one it replaced, through export and import', () => {
    const issued = { documentId: 'AIRA-7K2M-Q9ZT-0C4X', date: '2026-11-30', replaces: { documentId: 'AIRA-11AB-22CD-33EF', date: '2026-11-02' } };
    const r = readAssessmentFile(rs, text(exportFile(rs, { ...record(), issued })));
    expect(r.ok && r.record.issued).toEqual(issued);
  });

  it.each([
    ['not an object', 'AIRA', 'assessment.issued'],
    ['a made-up id', { documentId: 'DOC-1', date: '2026-11-30' }, 'assessment.issued.documentId'],
    ['an impossible date', { documentId: 'AIRA-7K2M-Q9ZT-0C4X', date: '2026-11-31' }, 'assessment.issued.date'],
    ['a bad replaced id', { documentId: 'AIRA-7K2M-Q9ZT-0C4X', date: '2026-11-30', replaces: { documentId: 7, date: '2026-11-02' } }, 'assessment.issued.replaces.documentId'],
    ['an unknown field', { documentId: 'AIRA-7K2M-Q9ZT-0C4X', date: '2026-11-30', seal: 'x' }, 'assessment.issued.seal'],
  ])('refuses an issued document with %s, naming the field', (_label, issued, field) => {
    const r = readAssessmentFile(rs, edit((f) => ((f.assessment as unknown as Record<string, unknown>).issued = issued)));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.params.field)).toContain(field);
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

  it('carries answers of an earlier rule set into the current form (answerChanges), naming each changed answer', () => {
    const r = readAssessmentFile(
      rs,
      edit((f) => {
        f.ruleSet.version = '1.0.0';
        const a = f.assessment.answers as Record<string, unknown>;
        delete a.eu_market_status;
        a.placed_before_aug_2026 = 'yes';
      }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.record.answers.eu_market_status).toBe('before_2026_08_02');
    expect(r.record.answers).not.toHaveProperty('placed_before_aug_2026');
    expect(r.notices.filter((n) => n.code === 'old_answer_changed').map((n) => n.params.question)).toEqual(['eu_market_status']);
    expect(r.notices.some((n) => n.code === 'old_answer_dropped')).toBe(false);
    // Under the current version the old question is an error, not a migration.
    expect(codes(edit((f) => ((f.assessment.answers as Record<string, unknown>).placed_before_aug_2026 = 'yes')))).toEqual(['bad_answers']);
  });

  it('has a message in both languages for every problem and notice it can report', () => {
    for (const lang of LANGS) {
      const i = createI18n(lang);
      for (const p of PROBLEM_CODES) expect(i.exists(`errors:file.${p}`), `${lang} ${p}`).toBe(true);
      expect(i.exists('errors:file.duplicate_key_top')).toBe(true);
      for (const n of FILE_NOTICE_CODES) expect(i.exists(`errors:notice.${n}`), `${lang} ${n}`).toBe(true);
      for (const s of ['todo', 'in_progress', 'done', 'not_applicable']) expect(i.exists(`result:status.${s}`), `${lang} ${s}`).toBe(true);
      expect(ANSWER_ERROR_CODES.every((c) => i.exists(`errors:answer.${c}`))).toBe(true);
    }
  });
});

/** Issue 14: what the fuzzing tester found in the file check, each pinned down. */
describe('assessment file: no input breaks the check', () => {
  const first = (t: string) => {
    const r = readAssessmentFile(rs, t);
    return r.ok ? undefined : r.problems[0];
  };

  it.each([
    ['an hour 25', '2026-05-01T25:00:00Z'],
    ['30 February', '2026-02-30T10:00:00Z'],
    ['29 February of a common year', '2027-02-29T10:00:00Z'],
    ['month 13', '2026-13-01T10:00:00Z'],
    ['minute 60', '2026-05-01T10:60:00Z'],
    ['second 60', '2026-05-01T10:00:60Z'],
    ['day 0', '2026-05-00T10:00:00Z'],
  ])('refuses an impossible updatedAt (%s), which the old pattern let through', (_label, when) => {
    expect(first(edit((f) => (f.assessment.updatedAt = when)))).toEqual({ code: 'bad_date', params: { field: 'assessment.updatedAt', got: when } });
  });

  it('refuses the instant that blanked the portfolio (the table\'s date formatter throws on it)', () => {
    expect(() => new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date('2026-05-01T25:00:00Z'))).toThrow(RangeError);
    for (const k of ['createdAt', 'updatedAt'] as const) expect(first(edit((f) => (f.assessment[k] = '2026-05-01T25:00:00Z')))?.code).toBe('bad_date');
  });

  it('takes 29 February of a leap year and fractions of a second', () => {
    expect(readAssessmentFile(rs, edit((f) => (f.assessment.updatedAt = '2028-02-29T23:59:59.999Z'))).ok).toBe(true);
  });

  it('refuses an assessment changed before it was created', () => {
    expect(first(edit((f) => (f.assessment.createdAt = '2026-11-23T10:00:01.000Z')))).toEqual({
      code: 'dates_out_of_order',
      params: { created: '2026-11-23T10:00:01.000Z', updated: '2026-11-23T10:00:00.000Z' },
    });
  });

  it('checks exportedAt and ruleSet.date, which nothing checked', () => {
    expect(first(edit((f) => (f.exportedAt = 'soon')))).toEqual({ code: 'bad_date', params: { field: 'exportedAt', got: 'soon' } });
    expect(first(edit((f) => ((f as { exportedAt: unknown }).exportedAt = 7)))).toMatchObject({ code: 'bad_date', params: { field: 'exportedAt' } });
    expect(first(edit((f) => (f.ruleSet.date = '2026-02-31')))).toMatchObject({ code: 'bad_date', params: { field: 'ruleSet.date' } });
  });

  it.each(['format', 'schemaVersion'])('refuses "%s" nested 100,000 deep by name, without overflowing the stack', (key) => {
    const deep = `${'['.repeat(100_000)}1${']'.repeat(100_000)}`;
    const t = text(exportFile(rs, record())).replace(key === 'format' ? `"format":"${FILE_FORMAT}"` : `"schemaVersion":${FILE_SCHEMA_VERSION}`, `"${key}":${deep}`);
    expect(t.length).toBeGreaterThan(200_000);
    let r: ReturnType<typeof readAssessmentFile> | undefined;
    expect(() => (r = readAssessmentFile(rs, t))).not.toThrow();
    expect(r && !r.ok && r.problems).toEqual([{ code: 'too_deep', params: { max: MAX_DEPTH, path: `${key}${'[0]'.repeat(MAX_DEPTH - 1)}` } }]);
  });

  it('refuses deep nesting in data already parsed (what storage returns) too', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const f = { ...exportFile(rs, record()), schemaVersion: deep };
    const r = readAssessmentData(rs, f);
    expect(!r.ok && r.problems[0]!.code).toBe('too_deep');
  });

  it.each<[string, (f: AssessmentFile) => void, string]>([
    ['inside baseline', (f) => Object.assign(f.assessment, { baseline: { ruleSetVersion: '0.9.0', result: f.result, note: 'x' } }), 'assessment.baseline.note'],
    ['inside baseline.result', (f) => Object.assign(f.assessment, { baseline: { ruleSetVersion: '0.9.0', result: { ...f.result, extra: 1 } } }), 'assessment.baseline.result.extra'],
    ['inside result.tiers', (f) => Object.assign(f.result!.tiers, { XX: 'high' }), 'result.tiers.XX'],
    ['inside the cohort', (f) => Object.assign(f.assessment, { cohort: { incubator: 'Hub', label: 'A', colour: 'red' } }), 'assessment.cohort.colour'],
    ['inside a duty status', (f) => Object.assign(f.assessment.duties['EU-4-literacy']!, { assignee: 'me' }), 'assessment.duties.EU-4-literacy.assignee'],
    ['inside ruleSet', (f) => Object.assign(f.ruleSet, { url: 'x' }), 'ruleSet.url'],
  ])('refuses an extra key %s, naming it', (_label, change, field) => {
    const r = readAssessmentFile(rs, edit(change));
    expect(!r.ok && r.problems).toEqual([{ code: 'unknown_field', params: { field } }]);
  });

  it('stores text trimmed (lengths were checked after trimming, the untrimmed text stored)', () => {
    const t = edit((f) => {
      f.assessment.title = '  Spring pilot  ';
      f.assessment.assessor = ' Li Wei\u00a0';
      f.assessment.cohort = { incubator: ' Pudong Hub ', label: '2026 秋季 ' };
      f.assessment.duties['EU-4-literacy'] = { status: 'done', note: '\n 培训已完成\r\n第二行 \n' };
      f.assessment.answers.company_name = '  Acme  ';
    });
    const r = readAssessmentFile(rs, t);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.record).toMatchObject({ title: 'Spring pilot', assessor: 'Li Wei', cohort: { incubator: 'Pudong Hub', label: '2026 秋季' } });
    expect(r.record.duties['EU-4-literacy']).toEqual({ status: 'done', note: '培训已完成\n第二行' });
    expect(r.record.answers.company_name).toBe('Acme');
    // A title of exactly the maximum, padded with spaces, is taken; one character more is not.
    expect(readAssessmentFile(rs, edit((f) => (f.assessment.title = ` ${'x'.repeat(MAX_LABEL_LENGTH)} `))).ok).toBe(true);
    expect(first(edit((f) => (f.assessment.title = 'x'.repeat(MAX_LABEL_LENGTH + 1))))).toEqual({ code: 'text_too_long', params: { field: 'assessment.title', length: MAX_LABEL_LENGTH + 1, max: MAX_LABEL_LENGTH } });
  });

  const oneLine: [string, (f: AssessmentFile, v: string) => void][] = [
    ['assessment.answers.company_name', (f, v) => (f.assessment.answers.company_name = v)],
    ['assessment.answers.product_name', (f, v) => (f.assessment.answers.product_name = v)],
    ['assessment.title', (f, v) => (f.assessment.title = v)],
    ['assessment.assessor', (f, v) => (f.assessment.assessor = v)],
    ['assessment.cohort.label', (f, v) => (f.assessment.cohort = { incubator: 'Hub', label: v })],
    ['assessment.cohort.incubator', (f, v) => (f.assessment.cohort = { incubator: v, label: 'Spring' })],
  ];
  it.each(oneLine)('refuses control and direction characters in the one-line name %s, naming the field', (field, set) => {
    const at = (v: string) => first(edit((f) => set(f, v)));
    expect(at('Acme\u202Eevil')).toEqual({ code: 'text_bidi', params: { field, char: 'U+202E' } });
    for (const [c, name] of [['\u2066', 'U+2066'], ['\u2069', 'U+2069'], ['\u200E', 'U+200E'], ['\u200F', 'U+200F'], ['\u061C', 'U+061C'], ['\u202A', 'U+202A']]) {
      expect(at(`Acme${c}`)).toEqual({ code: 'text_bidi', params: { field, char: name } });
    }
    expect(at('Acme\nCorp')).toEqual({ code: 'text_control', params: { field, char: 'U+000A' } });
    expect(at('Acme\u0000')).toEqual({ code: 'text_control', params: { field, char: 'U+0000' } });
    expect(at('Acme\tCorp')).toEqual({ code: 'text_control', params: { field, char: 'U+0009' } });
    expect(at('Acme\u2028Corp')).toEqual({ code: 'text_control', params: { field, char: 'U+2028' } });
    expect(at('Acme\uD800')).toEqual({ code: 'text_surrogate', params: { field } });
    // Right-to-left names themselves are welcome.
    expect(at('شركة الذكاء')).toBeUndefined();
  });

  it('keeps line breaks in multi-line fields (notes, description) but refuses other controls and direction overrides', () => {
    const note = (v: string) => first(edit((f) => (f.assessment.duties['EU-4-literacy'] = { status: 'done', note: v })));
    const description = (v: string) => first(edit((f) => (f.assessment.answers.product_description = v)));
    expect(note('line one\nline two\ttabbed')).toBeUndefined();
    expect(description('line one\nline two')).toBeUndefined();
    expect(note('ring\u0007')).toEqual({ code: 'text_control', params: { field: 'assessment.duties.EU-4-literacy.note', char: 'U+0007' } });
    expect(note('a\rb')).toEqual({ code: 'text_control', params: { field: 'assessment.duties.EU-4-literacy.note', char: 'U+000D' } });
    expect(description('x\u202Ey')).toEqual({ code: 'text_bidi', params: { field: 'assessment.answers.product_description', char: 'U+202E' } });
    expect(description('עברית\u200F text')).toBeUndefined();
  });

  it('refuses a key given twice, naming the key and where', () => {
    const base = text(exportFile(rs, record()));
    expect(first(base.replace('"format":', '"format":"other","format":'))).toEqual({ code: 'duplicate_key', params: { key: 'format', path: '' } });
    expect(first(base.replace('"status":"done"', '"status":"done","status":"todo"'))).toEqual({ code: 'duplicate_key', params: { key: 'status', path: 'assessment.duties.EU-4-literacy' } });
    // The same key spelled with an escape is the same key.
    expect(first(base.replace('"assessor":', '"assessor":"X","assesso\\u0072":'))).toEqual({ code: 'duplicate_key', params: { key: 'assessor', path: 'assessment' } });
  });

  it('lists at most 50 problems or notices, then counts the rest of each kind (28,000 unknown duties gave 28,001 notices)', () => {
    const many = edit((f) => {
      f.ruleSet.version = '0.9.0';
      for (let i = 0; i < 28_000; i++) f.assessment.duties[`X-${i}`] = { status: 'done' };
    });
    const r = readAssessmentFile(rs, many);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.notices.length).toBeLessThanOrEqual(52);
    expect(MAX_LISTED).toBe(50);
    expect(r.notices.filter((n) => n.code === 'unknown_duty_dropped')).toHaveLength(20);
    expect(r.notices).toContainEqual({ code: 'more', params: { count: 27_980 } });
    const bad = readAssessmentFile(rs, edit((f) => Object.assign(f.assessment, Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`extra${i}`, 1])))));
    expect(!bad.ok && bad.problems.length).toBeLessThanOrEqual(51);
    expect(!bad.ok && bad.problems.at(-1)).toEqual({ code: 'more', params: { count: 4980 } });
  });

  it('names a value of any type without converting it (a nested list in "format" is not turned into text)', () => {
    const r = readAssessmentData(rs, { format: [[[['x']]]] });
    expect(!r.ok && r.problems).toEqual([{ code: 'wrong_format', params: { expected: FILE_FORMAT, got: '[…]' } }]);
  });

  it('writes only what it reads back: the app strips refused characters, trims, and keeps creation before the last change', () => {
    const messy: AssessmentRecord = {
      ...record(),
      title: ' Pilot\u202E ',
      assessor: 'Li\u0000 Wei',
      cohort: { incubator: 'Hub\u2066', label: 'Spring\n' },
      answers: { ...record().answers, company_name: ' Acme\u200F ' },
      duties: { 'EU-4-literacy': { status: 'done', note: 'a\u0007\nb ' } },
      createdAt: '2026-11-23T11:00:00.000Z',
    };
    // Overlong texts the forms flagged but kept: clipped rather than the whole assessment refused later.
    const long: AssessmentRecord = { ...record(), title: `${'t'.repeat(199)}😀`, answers: { ...record().answers, product_name: 'p'.repeat(250) } };
    const back = readAssessmentFile(rs, text(exportFile(rs, long)));
    expect(back.ok && [back.record.title, back.record.answers.product_name]).toEqual(['t'.repeat(199), 'p'.repeat(200)]);
    const r = readAssessmentFile(rs, text(exportFile(rs, messy)));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.record).toMatchObject({ title: 'Pilot', assessor: 'Li Wei', cohort: { incubator: 'Hub', label: 'Spring' }, createdAt: messy.updatedAt });
    expect(r.record.answers.company_name).toBe('Acme');
    expect(r.record.duties['EU-4-literacy']).toEqual({ status: 'done', note: 'a\nb' });
  });

  it('words every refusal with the values it quotes made visible', () => {
    const r = readAssessmentFile(rs, edit((f) => ((f.assessment.answers as Record<string, unknown>)['q\u202Eevil'] = 'yes')));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    for (const lang of LANGS) {
      const msg = problemText(r.problems[0]!, createI18n(lang).t);
      expect(msg).toContain('q<U+202E>evil');
      expect(msg).not.toMatch(/[\u202E]|\{\{/);
    }
  });
});

describe('answers files, as the command line reads them', () => {
  const files = readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json'));

  it('every rules/examples file comes in as a new assessment with its answers, opening at the result', () => {
    expect(files).toHaveLength(9);
    for (const f of files) {
      const text = readFileSync(join(EXAMPLES_DIR, f), 'utf8');
      const r = readAssessmentFile(rs, text, summarizer(rs));
      expect(r.ok, f).toBe(true);
      if (!r.ok) continue;
      const source = JSON.parse(text) as { meta: { company: string; product: string }; answers: Record<string, unknown> };
      for (const [k, v] of Object.entries(source.answers)) expect(r.record.answers[k], `${f} ${k}`).toEqual(v);
      expect(r.record.step).toBe('result');
      expect(r.record.id).toMatch(/^[0-9a-f]{24}$/);
    }
  });

  it('fills company and product from meta where the answers leave them out, and takes the assessor', () => {
    const answers = { ...exampleAnswers('E4') };
    delete answers.company_name;
    delete answers.product_name;
    const r = readAssessmentData(rs, { meta: { company: 'Shop GmbH', product: 'Recommender', assessor: 'A. Lawyer' }, answers });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.record.answers.company_name).toBe('Shop GmbH');
      expect(r.record.answers.product_name).toBe('Recommender');
      expect(r.record.assessor).toBe('A. Lawyer');
    }
  });

  it('refuses what it does not know, and checks the answers as for an exported file', () => {
    const bad = readAssessmentData(rs, { meta: { company: 'X', phone: '1' }, answers: {}, extra: 1 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.map((p) => [p.code, p.params.field])).toEqual([['unknown_field', 'extra'], ['unknown_field', 'meta.phone']]);
    const wrong = readAssessmentData(rs, { answers: { ...exampleAnswers('E4'), eu_market: 'perhaps' } });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(problemText(wrong.problems[0]!, createI18n('en').t)).toContain('eu_market');
  });
});

describe('duty owner, due date and evidence', () => {
  const base = () => ({ ...newRecord(new Date('2026-11-01T09:00:00Z'), 'duty-fields'), answers: exampleAnswers('E1') as AssessmentRecord['answers'], step: 'result' as const });
  const fileWith = (duty: unknown) => JSON.parse(JSON.stringify({ ...exportFile(rs, base()), assessment: { ...base(), duties: { 'EU-4-literacy': duty } } }));

  it('keeps them through export and import', () => {
    const duty = { status: 'in_progress', note: 'started', owner: 'Li Wei (HR)', due: '2027-03-31', evidence: ['https://intranet.example/ai-literacy', 'Training log 2026-12'] };
    const r = readAssessmentData(rs, fileWith(duty));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.record.duties['EU-4-literacy']).toEqual(duty);
  });

  it('refuses an impossible due date, an owner on two lines and evidence that is not a list of lines, naming the field', () => {
    for (const [duty, field] of [
      [{ status: 'todo', due: '2027-02-30' }, 'assessment.duties.EU-4-literacy.due'],
      [{ status: 'todo', owner: 'a\nb' }, 'assessment.duties.EU-4-literacy.owner'],
      [{ status: 'todo', evidence: 'https://x.example' }, 'assessment.duties.EU-4-literacy.evidence'],
      [{ status: 'todo', evidence: Array.from({ length: 21 }, (_, i) => `doc ${i}`) }, 'assessment.duties.EU-4-literacy.evidence'],
    ] as const) {
      const r = readAssessmentData(rs, fileWith(duty));
      expect(r.ok, JSON.stringify(duty)).toBe(false);
      if (!r.ok) expect(r.problems.map((p) => p.params.field)).toContain(field);
    }
  });
});

describe('messages a person understands', () => {
  it('a file that is not JSON says where, in the reader\'s language, never the parser\'s own words', () => {
    const r = readAssessmentFile(rs, '{\n  "format": 1,\n}');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toEqual({ code: 'bad_json_at', params: { line: 3, column: 1 } });
    expect(problemText(r.problems[0]!, createI18n('en').t)).toBe('The file is not valid JSON at line 3, column 1: it may have been edited by hand or damaged.');
    expect(problemText(r.problems[0]!, createI18n('zh-CN').t)).toBe('文件在第 3 行第 1 列处不是有效的 JSON：可能经过手工编辑或已损坏。');
  });

  it('names a question by its text and its options by their labels in the app, never by internal ids', () => {
    const q = rs.questionById.get('eu_market_status')!;
    const r = readAssessmentData(rs, { answers: { ...exampleAnswers('E4'), eu_market_status: 'someday' } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    for (const lang of LANGS) {
      const text = problemText(r.problems[0]!, createI18n(lang).t, { rs, lang });
      expect(text).toContain(q.text[lang]);
      expect(text).not.toContain('eu_market_status');
      expect(text).toContain(q.options![0]!.label[lang]);
      for (const o of q.options!) expect(text).not.toContain(o.id);
    }
    // The command line's users write the ids: there the message names them.
    expect(problemText(r.problems[0]!, createI18n('en').t)).toContain('eu_market_status');
  });
});

