/**
 * `cli portfolio`: a cohort folder of app exports, answer files and broken files → portfolio.csv with one
 * row per good input, one PDF per assessment, each rejected input named with its reason, exit 1.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { assess } from '../engine';
import { newRecord, type AssessmentRecord } from '../assessment/record';
import { exportFile } from '../file-format/summarize';
import { EXAMPLES_DIR, exampleAnswers, exampleFile, projectRules } from '../testing/fixtures';
import { readPdf, squash } from '../testing/pdf-check';
import { main } from './main';

const rs = projectRules();

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

function cohortDir(): { dir: string; exports: AssessmentRecord[] } {
  const dir = mkdtempSync(join(tmpdir(), 'cli-portfolio-'));
  mkdirSync(join(dir, 'tenants', 'late'), { recursive: true });
  const exports = ['E1', 'E6', 'E9'].map((e, i) => ({
    ...newRecord(new Date(`2026-11-0${i + 1}T09:00:00Z`), `tenant-${e}`),
    answers: { ...(exampleAnswers(e) as AssessmentRecord['answers']), company_name: i === 0 ? '=HYPERLINK("http://x","y")' : `租户 ${i}` },
    step: 'result' as const,
    cohort: { incubator: 'Pudong AI Hub', label: '2026 秋季' },
    duties: {},
  }));
  exports.forEach((r, i) => writeFileSync(join(dir, 'tenants', i === 2 ? 'late/c.json' : `${r.id}.json`), JSON.stringify(exportFile(rs, r))));
  cpSync(exampleFile('E4'), join(dir, 'E4.json'));
  writeFileSync(join(dir, 'tenants', 'broken.json'), '{"format": "ai-risk-self-assessment"');
  writeFileSync(join(dir, 'tenants', 'future.json'), JSON.stringify({ ...exportFile(rs, exports[1]!), ruleSet: { version: '9.0.0', date: '2030-01-01' } }));
  writeFileSync(join(dir, 'notes.txt'), 'not an input: ignored in a directory');
  writeFileSync(join(dir, '.hidden.json'), 'ignored');
  return { dir, exports };
}

describe('cli portfolio', () => {
  it('writes portfolio.csv and one PDF per good input, names each rejected input on stderr, exit 1', async () => {
    const { dir, exports } = cohortDir();
    const out = join(dir, 'out');
    const r = await cli('portfolio', dir, '--out', out, '--date', '2026-11-23', '--codes');
    expect(r.code).toBe(1);
    const errors = r.err.trim().split('\n');
    expect(errors).toHaveLength(2);
    expect(errors.find((l) => l.includes('broken.json'))).toMatch(/not valid JSON/);
    expect(errors.find((l) => l.includes('future.json'))).toMatch(/rule set 9\.0\.0/);
    expect(r.out).toMatch(/portfolio\.csv: 4 rows; 4 PDFs .*rejected: 2\./);

    const files = readdirSync(out).sort();
    expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(4);
    expect(files).toContain('portfolio.csv');
    const raw = readFileSync(join(out, 'portfolio.csv'), 'utf8');
    expect(raw.startsWith('\uFEFF')).toBe(true);
    const [head, ...rows] = Papa.parse<string[]>(raw.slice(1), { skipEmptyLines: true }).data;
    const cell = (row: string[], c: string) => row[head!.indexOf(c)];
    expect(rows.map((x) => cell(x, 'id')).sort()).toEqual(['E4', ...exports.map((e) => e.id)].sort());
    for (const e of exports) {
      const row = rows.find((x) => cell(x, 'id') === e.id)!;
      const a = assess(rs, e.answers, { date: '2026-11-23' });
      if (!a.ok) throw new Error('unreachable');
      expect([cell(row, 'incubator'), cell(row, 'cohort')]).toEqual(['Pudong AI Hub', '2026 秋季']);
      expect([cell(row, 'SH'), cell(row, 'SZ'), cell(row, 'EU'), cell(row, 'overall')]).toEqual([a.assessment.regimes.SH.tier, a.assessment.regimes.SZ.tier, a.assessment.regimes.EU.tier, a.assessment.overall]);
      expect(cell(row, 'updated_at')).toBe(e.updatedAt);
    }
    expect(cell(rows.find((x) => cell(x, 'id') === 'tenant-E1')!, 'company')).toBe(`'=HYPERLINK("http://x","y")`);
    // The answer file's meta names company and product.
    const e4 = rows.find((x) => cell(x, 'id') === 'E4')!;
    expect(cell(e4, 'company')).toBe(JSON.parse(readFileSync(exampleFile('E4'), 'utf8')).meta.company);
    // The PDF of an export carries its cohort.
    const pdfName = files.find((f) => f.startsWith('c'))!;
    expect((await readPdf(readFileSync(join(out, pdfName)))).squashed).toContain(squash('2026 秋季 (invited by Pudong AI Hub)'));
  }, 60_000);

  it('exits 0 when every input is good, and takes rules/examples as it is', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cli-portfolio-ex-'));
    const r = await cli('portfolio', EXAMPLES_DIR, '--out', out, '--date', '2026-11-23', '--lang', 'zh-CN');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(out).filter((f) => f.endsWith('.pdf'))).toHaveLength(9);
    const [head, ...rows] = Papa.parse<string[]>(readFileSync(join(out, 'portfolio.csv'), 'utf8').slice(1), { skipEmptyLines: true }).data;
    expect(rows).toHaveLength(9);
    // Without --codes the table is for people, in --lang: Chinese headers, company first, tiers as labels.
    expect(head!.slice(0, 2)).toEqual(['企业', '产品']);
    expect(head).toContain('现已适用且未完成');
    expect(head).toContain('已逾期');
    const e1 = rows.find((x) => x[head!.indexOf('来源文件')]!.includes('E1'))!;
    expect(e1[head!.indexOf('上海')]).toBe('高风险');
    expect(e1[head!.indexOf('最后更新')]).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
  }, 60_000);

  it('says what is missing: --out, inputs, a directory without files', async () => {
    expect((await cli('portfolio', EXAMPLES_DIR)).err).toMatch(/portfolio needs --out DIR/);
    expect((await cli('portfolio', '--out', tmpdir())).err).toMatch(/no input files/);
    const empty = mkdtempSync(join(tmpdir(), 'cli-portfolio-empty-'));
    const r = await cli('portfolio', empty, '--out', join(empty, 'out'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no input files \(\.json\) in this folder/);
  });
});
