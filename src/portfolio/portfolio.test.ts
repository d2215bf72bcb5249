/** Portfolio rows, CSV, sorting and filtering, import planning and comparison, from the examples' answers. */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exampleAnswers, mustAssess, projectRules } from '../testing/fixtures';
import { newRecord, type AssessmentRecord } from '../assessment/record';
import { exportFile } from '../file-format/summarize';
import { shareFragment } from './links';
import { baselineSide, compare, currentSide } from './compare';
import { portfolioCsv, PORTFOLIO_CSV_COLUMNS } from './csv';
import { createI18n } from '../i18n/i18n';

const CODES = { codes: true } as const;
import { linksIn, planImport, resolveImport } from './importer';
import { recordRow, type PortfolioRow } from './rows';
import { cohortsOf, filterRows, sortRows, tierDistribution } from './table';

const rs = projectRules();
const EXAMPLES = ['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9'];
const rec = (id: string, example: string, extra: Partial<AssessmentRecord> = {}): AssessmentRecord => ({
  ...newRecord(new Date('2026-11-23T10:00:00Z'), id),
  answers: exampleAnswers(example) as AssessmentRecord['answers'],
  step: 'result',
  ...extra,
});
const row = (r: AssessmentRecord): PortfolioRow => {
  const x = recordRow(rs, r);
  if (!x) throw new Error(`no row for ${r.id}`);
  return x;
};
const rows = EXAMPLES.map((e, i) => row(rec(`r${i}`, e, i % 3 === 0 ? { cohort: { incubator: 'Pudong AI Hub', label: i < 5 ? 'Spring' : '秋季' } } : {})));

describe('portfolio rows', () => {
  it('carry each assessment’s tiers, level and duties as the engine decides them', () => {
    for (const [i, e] of EXAMPLES.entries()) {
      const a = mustAssess(exampleAnswers(e));
      const r = rows[i]!;
      expect([r.overall, r.tiers.SH, r.tiers.SZ, r.tiers.EU]).toEqual([a.overall, a.regimes.SH.tier, a.regimes.SZ.tier, a.regimes.EU.tier]);
      expect(r.duties.total).toBe(a.duties.length);
      expect(r.duties.open).toBe(a.duties.length);
      // By force: anticipated duties (not yet law) are counted apart from mandatory and encouraged ones.
      expect(r.kinds).toEqual({ duty: a.duties.filter((d) => d.mandatory).length, encouraged: a.duties.filter((d) => d.kind === 'encouraged').length, anticipated: a.duties.filter((d) => d.kind === 'anticipated').length });
      expect(r.conflicts).toBe(a.conflicts.length);
    }
    // E3 (Shanghai high risk): list management and compliance review are anticipated, not yet mandatory.
    expect(rows[2]!.kinds.anticipated).toBeGreaterThan(0);
  });

  it('count answers that contradict each other, so an incubator sees the rows to question', () => {
    const answers = { ...exampleAnswers('E7'), eu_market_status: 'planned' };
    const a = mustAssess(answers);
    expect(a.conflicts.map((c) => c.id)).toContain('eu.planned_vs_market');
    const r = row(rec('c1', 'E7', { answers: answers as AssessmentRecord['answers'] }));
    expect(r.conflicts).toBe(a.conflicts.length);
    const cells = Papa.parse<string[]>(portfolioCsv([r], rs, CODES).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data[1]!;
    expect(cells[PORTFOLIO_CSV_COLUMNS.indexOf('conflicts')]).toBe(String(a.conflicts.length));
  });

  it('flag prohibited when a regime decides it, and count duty statuses', () => {
    const prohibited = rows.filter((r) => r.prohibited === 'yes').map((r) => r.id);
    const decided = EXAMPLES.flatMap((e, i) => (['SH', 'SZ', 'EU'] as const).some((g) => ['prohibited', 'unacceptable'].includes(mustAssess(exampleAnswers(e)).regimes[g].tier)) ? [`r${i}`] : []);
    expect(prohibited).toEqual(decided);
    const a = mustAssess(exampleAnswers('E1'));
    const [d1, d2, d3] = a.duties.map((d) => d.id);
    const r = row(rec('s', 'E1', { duties: { [d1!]: { status: 'done' }, [d2!]: { status: 'in_progress' }, [d3!]: { status: 'not_applicable' } } }));
    expect(r.duties).toMatchObject({ total: a.duties.length, done: 1, in_progress: 1, not_applicable: 1, todo: a.duties.length - 3, open: a.duties.length - 2 });
  });

  it('mark "possible" when only open answers could make it prohibited', () => {
    const answers = { ...exampleAnswers('E4') } as AssessmentRecord['answers'];
    expect(answers.eu_prohibited).toBeDefined();
    const r = row(rec('p', 'E4', { answers: { ...answers, eu_prohibited: ['not_sure'] } }));
    expect(r.tiers.EU).toBe('needs_review');
    expect(r.prohibited).toBe('possible');
  });
});

describe('an assessment not started', () => {
  it('is not flagged, counted in the chart, or matched by a tier filter (its tiers would all be "needs review")', () => {
    const blank = row({ ...newRecord(new Date('2026-11-23T10:00:00Z'), 'blank') });
    expect(blank.started).toBe(false);
    expect(blank.tiers.EU).toBe('needs_review');
    expect(blank.prohibited).toBe('no');
    const d = tierDistribution([...rows, blank]);
    expect(Object.values(d.EU).reduce((a, b) => a + b, 0)).toBe(rows.length);
    expect(filterRows([blank], { tier: { regime: 'any', tier: 'needs_review' } })).toEqual([]);
    expect(filterRows([blank], {})).toEqual([blank]);
  });
});

describe('portfolio CSV', () => {
  const parse = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

  it('starts with a BOM, has one row per assessment and every cell as in the rows', () => {
    const csv = portfolioCsv(rows, rs, CODES);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.includes('\r\n')).toBe(true);
    const [head, ...body] = parse(csv);
    expect(head).toEqual([...PORTFOLIO_CSV_COLUMNS]);
    expect(body).toHaveLength(rows.length);
    const col = (name: string) => PORTFOLIO_CSV_COLUMNS.indexOf(name as never);
    for (const [i, r] of rows.entries()) {
      const cells = body[i]!;
      expect(cells[col('id')]).toBe(r.id);
      expect(cells[col('company')]).toBe(r.company);
      expect(cells[col('SH')]).toBe(r.tiers.SH);
      expect(cells[col('EU')]).toBe(r.tiers.EU);
      expect(cells[col('cohort')]).toBe(r.cohort?.label ?? '');
      expect(cells[col('duties_open')]).toBe(String(r.duties.open));
      expect(cells[col('rule_set_version')]).toBe(rs.version);
      expect(cells[col('rule_set_sha256')]).toBe(rs.digest);
    }
  });

  it('for people: headers, tiers and yes/no in the reader\'s language, company first, dates as the app writes them', () => {
    const t = createI18n('zh-CN').t;
    const [head, ...body] = parse(portfolioCsv(rows, rs, { lang: 'zh-CN', t }));
    expect(head!.slice(0, 3)).toEqual(['企业', '产品', '标题']);
    expect(head).toContain('现已适用且未完成');
    expect(head).toContain('已逾期');
    expect(head!.every((h) => !/_/.test(h))).toBe(true);
    for (const [i, r] of rows.entries()) {
      const cell = (c: string) => body[i]![head!.indexOf(c)];
      expect(cell('上海')).toBe(t(`result:tier.${r.tiers.SH}`));
      expect(cell('欧盟《人工智能法》')).toBe(t(`result:tier.${r.tiers.EU}`));
      expect(cell('已完成作答')).toBe(r.complete ? '是' : '否');
      expect(cell('最后更新')).toMatch(/^2026年11月23日 \d{2}:\d{2}$/);
      expect(cell('现已适用且未完成')).toBe(String(r.duties.openNow));
    }
  });

  it('counts what applies now and what is overdue among the open duties; a not-started assessment shows no tiers or counts to people', () => {
    const done = row(rec('d', 'E1', { duties: { 'EU-4-literacy': { status: 'done' } } }));
    const open = row(rec('o', 'E1'));
    const a = mustAssess(exampleAnswers('E1'));
    const nowDuties = a.duties.filter((d) => d.kind === 'duty' && d.appliesNow);
    expect(open.duties.openNow).toBe(nowDuties.length);
    // Overdue: mandatory, open, and applying from before the day (the default due date).
    expect(open.duties.overdue).toBe(a.duties.filter((d) => d.kind === 'duty' && d.from < a.assessedOn).length);
    expect(done.duties.openNow).toBe(open.duties.openNow - (nowDuties.some((d) => d.id === 'EU-4-literacy') ? 1 : 0));
    const blank = row({ ...newRecord(new Date('2026-11-23T10:00:00Z'), 'blank'), answers: {} });
    expect(blank.started).toBe(false);
    const t = createI18n('en').t;
    const [head, body] = parse(portfolioCsv([blank], rs, { lang: 'en', t }));
    for (const c of ['Overall level', 'Shanghai', 'EU AI Act', 'Open now', 'Overdue', 'Duties and items']) expect(body![head!.indexOf(c)], c).toBe('');
    expect(body![head!.indexOf('Started')]).toBe('no');
  });

  it.each([
    ['=HYPERLINK("http://evil.example","Click")', `'=HYPERLINK("http://evil.example","Click")`],
    ['+cmd|\' /C calc\'!A0', `'+cmd|' /C calc'!A0`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['深圳某某科技有限公司, "Ltd"\nline 2', '深圳某某科技有限公司, "Ltd"\nline 2'],
  ])('keeps a company named %j from running as a formula, and quotes what needs quoting', (company, cell) => {
    const r = row(rec('x', 'E2', { answers: { ...(exampleAnswers('E2') as AssessmentRecord['answers']), company_name: company } }));
    const [, body] = parse(portfolioCsv([r], rs, CODES));
    expect(body![PORTFOLIO_CSV_COLUMNS.indexOf('company')]).toBe(cell);
  });

  it('escapes formulas in every text column: title, cohort, incubator, assessor', () => {
    const r = row(rec('y', 'E2', { title: '=1+1', assessor: '@me', cohort: { incubator: '+Hub', label: '-cohort' } }));
    const [, body] = parse(portfolioCsv([r], rs, CODES));
    const cell = (c: string) => body![PORTFOLIO_CSV_COLUMNS.indexOf(c as never)];
    expect([cell('title'), cell('assessor'), cell('incubator'), cell('cohort')]).toEqual(["'=1+1", "'@me", "'+Hub", "'-cohort"]);
  });
});

describe('portfolio table', () => {
  it('sorts by tier strictest first, and back', () => {
    const asc = sortRows(rows, { key: 'EU', dir: 'asc' }).map((r) => r.tiers.EU);
    const rank = ['unacceptable', 'high', 'needs_review', 'limited', 'minimal', 'out_of_scope'];
    expect(asc.map((t) => rank.indexOf(t))).toEqual([...asc.map((t) => rank.indexOf(t))].sort((a, b) => a - b));
    expect(sortRows(rows, { key: 'EU', dir: 'desc' }).map((r) => r.tiers.EU)).toEqual([...asc].reverse().sort((a, b) => rank.indexOf(b) - rank.indexOf(a)));
  });

  it('filters by text in any script, cohort and tier, and the filters combine', () => {
    const name = rows[4]!.company;
    expect(filterRows(rows, { text: name.slice(0, 6).toUpperCase() }).map((r) => r.id)).toContain('r4');
    expect(filterRows(rows, { cohort: 'Spring' }).map((r) => r.id)).toEqual(['r0', 'r3']);
    expect(filterRows(rows, { cohort: '' }).every((r) => !r.cohort)).toBe(true);
    const high = filterRows(rows, { tier: { regime: 'EU', tier: 'high' } });
    expect(high.length).toBeGreaterThan(0);
    expect(high.every((r) => r.tiers.EU === 'high')).toBe(true);
    expect(filterRows(rows, { tier: { regime: 'any', tier: 'high' }, cohort: '秋季' }).every((r) => r.cohort?.label === '秋季' && Object.values(r.tiers).includes('high'))).toBe(true);
    expect(filterRows(rows, { text: 'no such company anywhere' })).toEqual([]);
  });

  it('counts the tier distribution per regime and lists cohorts', () => {
    const d = tierDistribution(rows);
    for (const g of ['SH', 'SZ', 'EU'] as const) expect(Object.values(d[g]).reduce((a, b) => a + b, 0)).toBe(rows.length);
    expect(d.EU.high).toBe(rows.filter((r) => r.tiers.EU === 'high').length);
    expect(cohortsOf(rows)).toEqual(['Spring', '秋季']);
  });
});

describe('import planning', () => {
  const text = (r: AssessmentRecord) => JSON.stringify(exportFile(rs, r));

  it('takes the good, lists each bad one with its reason, and finds conflicts with the portfolio and within the batch', async () => {
    const existing = new Map([['dup', rec('dup', 'E1')]]);
    const plan = await planImport(
      rs,
      [
        { name: 'a.json', text: text(rec('a', 'E2')) },
        { name: 'broken.json', text: '{"format": ' },
        { name: 'big.json', tooLarge: 2_000_000 },
        { name: 'dup.json', text: text(rec('dup', 'E3')) },
        { name: 'a-again.json', text: text(rec('a', 'E4')) },
      ],
      existing,
    );
    expect(plan.good.map((g) => [g.name, g.conflict?.id])).toEqual([['a.json', undefined], ['dup.json', 'dup'], ['a-again.json', 'a']]);
    expect(plan.bad.map((b) => [b.name, b.problems[0]?.code])).toEqual([['broken.json', 'bad_json_end'], ['big.json', 'too_large']]);
    const out = resolveImport(plan, (g) => (g.name === 'dup.json' ? 'update' : undefined));
    expect(out[1]!.id).toBe('dup');
    expect(out[2]!.id).not.toBe('a');
    expect(out[2]!.answers).toEqual(rec('a', 'E4').answers);
  });

  it('reads share links among pasted text, and names a damaged one', async () => {
    const link = `https://example.org/app/${await shareFragment(text(rec('l1', 'E5')))}`;
    const pasted = `here: ${link}\n${link.slice(0, -40)}`;
    const plan = await planImport(rs, linksIn(pasted).map((l, i) => ({ name: `link ${i + 1}`, link: l })), new Map());
    expect(plan.good.map((g) => g.record.id)).toEqual(['l1']);
    expect(plan.bad).toEqual([{ name: 'link 2', problems: [], linkProblem: 'truncated' }]);
  });
});

describe('compare', () => {
  it('shows tiers moved, duties added and removed, and answers changed between two versions of a product', () => {
    const before = rec('v1', 'E4');
    const after = rec('v2', 'E1');
    const c = compare(rs, currentSide(rs, before)!, currentSide(rs, after)!);
    const a = mustAssess(exampleAnswers('E4'));
    const b = mustAssess(exampleAnswers('E1'));
    expect(c.tiers).toEqual((['SH', 'SZ', 'EU'] as const).filter((g) => a.regimes[g].tier !== b.regimes[g].tier).map((g) => ({ regime: g, from: a.regimes[g].tier, to: b.regimes[g].tier })));
    expect(c.dutiesAdded).toEqual(b.duties.map((d) => d.id).filter((d) => !a.duties.some((x) => x.id === d)));
    expect(c.dutiesRemoved).toEqual(a.duties.map((d) => d.id).filter((d) => !b.duties.some((x) => x.id === d)));
    expect(c.answers.length).toBeGreaterThan(0);
    for (const ch of c.answers) expect(before.answers[ch.question]).not.toEqual(after.answers[ch.question]);
    // In questionnaire order.
    const order = c.answers.map((x) => rs.questions.findIndex((q) => q.id === x.question));
    expect(order).toEqual([...order].sort((x, y) => x - y));
  });

  it('compares an assessment with its result under the rule set it was made with', () => {
    const r = rec('old', 'E1', { baseline: { ruleSetVersion: '0.9.0', result: { overall: 'limited', tiers: { SH: 'high', SZ: 'out_of_scope', EU: 'limited' }, duties: ['EU-4-literacy'] } } });
    const c = compare(rs, baselineSide(r)!, currentSide(rs, r)!);
    expect(c.left.ruleSetVersion).toBe('0.9.0');
    expect(c.tiers).toEqual([{ regime: 'EU', from: 'limited', to: 'high' }]);
    expect(c.dutiesKept).toEqual(['EU-4-literacy']);
    expect(c.answers).toEqual([]);
  });
});

describe('assessments to reassess', () => {
  const rec = (over: Partial<AssessmentRecord>): AssessmentRecord => ({ ...newRecord(new Date('2026-11-01T00:00:00Z'), 'stale'), answers: exampleAnswers('E4') as AssessmentRecord['answers'], step: 'result', ...over });
  it('flags one last changed more than 12 months before the day, or made under an older rule set; not a recent one', () => {
    expect(recordRow(rs, rec({}), '2026-11-30')!.reassess).toBeUndefined();
    expect(recordRow(rs, rec({ updatedAt: '2025-11-29T12:00:00.000Z', createdAt: '2025-11-29T12:00:00.000Z' }), '2026-11-30')!.reassess).toBe('age');
    expect(recordRow(rs, rec({ updatedAt: '2025-12-01T00:00:00.000Z', createdAt: '2025-12-01T00:00:00.000Z' }), '2026-11-30')!.reassess).toBeUndefined();
    const baseline = { ruleSetVersion: '1.0.0', result: { overall: 'minimal' as const, tiers: { SH: 'out_of_scope' as const, SZ: 'out_of_scope' as const, EU: 'minimal' as const }, duties: [] } };
    expect(recordRow(rs, rec({ baseline }), '2026-11-30')!.reassess).toBe('rule_set');
  });
});
