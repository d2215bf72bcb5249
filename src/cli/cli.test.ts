/** The command line on good, bad and mixed input: outputs, messages naming file/record/field, exit codes. */
import { readRuleFiles } from '../node/load-rules';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exampleFile } from '../testing/fixtures';
import { main } from './main';

const tmp = mkdtempSync(join(tmpdir(), 'cli-'));
const write = (name: string, text: string) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const DATE = ['--date', '2026-11-23'];

describe('cli classify', () => {
  it('classifies all nine example files to a JSON array with sources, exit 0', async () => {
    const files = ['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9'].map(exampleFile);
    const r = await cli('classify', ...files, ...DATE);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out).toHaveLength(9);
    expect(out[0].source).toEqual({ file: files[0], record: 1 });
    expect(out.map((x: { overall: string }) => x.overall)).toEqual(['high', 'limited', 'high', 'minimal', 'limited', 'unacceptable', 'high', 'limited', 'high']);
    // Which rules produced it: version, date and the SHA-256 of the rule files (as sha256sum recomputes it).
    expect(out[0].ruleSet).toEqual({ version: '2.0.0', date: '2026-11-30', sha256: readRuleFiles().digest });
    expect(out[0].ruleSet.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(out[0].duties[0]).toEqual(expect.objectContaining({ id: expect.any(String), regime: expect.any(String), article: expect.any(String), title: expect.any(String), mandatory: expect.any(Boolean), from: expect.any(String), appliesNow: expect.any(Boolean) }));
  });

  it('localises to Chinese with --lang zh-CN, keeping the statute ids', async () => {
    const r = await cli('classify', exampleFile('E3'), '--lang', 'zh-CN', ...DATE);
    const [rep] = JSON.parse(r.out);
    expect(rep.regimes.SH.tierLabel).toBe('高风险');
    expect(rep.duties.find((d: { id: string }) => d.id === 'SH-65.2-list').title).toMatch(/清单式管理/);
  });

  it('reads arrays and NDJSON, names the bad record and field, still classifies the good ones, exit 1', async () => {
    const good = JSON.parse(readFileSync(exampleFile('E4'), 'utf8'));
    const arr = write('arr.json', JSON.stringify([good, { answers: { ...good.answers, scale: 'huge' } }, 7]));
    const nd = write('x.ndjson', `${JSON.stringify(good)}\n\n{not json\n`);
    const r = await cli('classify', arr, nd, ...DATE);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).map((x: { source: { record: number } }) => x.source.record)).toEqual([1, 1]);
    expect(r.err).toContain(`${arr}: record 2: field scale: "scale" has no option "huge"`);
    expect(r.err).toContain(`${arr}: record 3: a record must be an object`);
    expect(r.err).toContain(`${nd}: record 3: line 3 is not valid JSON`);
  });

  it('reads CSV with one column per question and writes CSV safe against formula injection', async () => {
    const csv = write(
      'in.csv',
      'meta.company,meta.product,ai_techniques,cn_locations,eu_nexus,cn_prohibited,uses_people,uses_safety_public,personalised_pricing,cn_public_interest_sector,affected_groups,scale,public_sector,personal_data,biometric_uses,interacts_with_people,generates_content,decisions_about_people\n' +
        '"=HYPERLINK(""http://x"",""y"")",上海翻译,machine_learning;nlp,shanghai,none,none,none,none,no,no,none,under_10k,none,no,none,no,text,none\n',
    );
    const r = await cli('classify', csv, '--format', 'csv', ...DATE);
    // cn_role (a required question) has no column: the record is classified, named as incomplete, and the
    // row says which question is open.
    expect(r.err).toBe(`warning: ${csv}: record 1: 1 question(s) unanswered (cn_role): the tiers they could change are marked "Needs review"\n`);
    expect(r.code).toBe(0);
    expect(r.out.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(r.out.slice(1).trim()).data;
    expect(rows[0]!.slice(0, 9)).toEqual(['file', 'record', 'company', 'product', 'assessed_on', 'rule_set_version', 'rule_set_sha256', 'overall', 'SH']);
    expect(rows[1]![2]).toBe(`'=HYPERLINK("http://x","y")`);
    expect(rows[1]![3]).toBe('上海翻译');
    expect(rows[1]![7]).toBe('limited');
    expect(rows[1]![8]).toBe('medium_low');
    const cell = (name: string) => rows[1]![rows[0]!.indexOf(name)];
    expect(cell('unanswered')).toBe('cn_role');
    expect(cell('conflicts')).toBe('');
    expect(Number(cell('duties_mandatory')) + Number(cell('duties_encouraged')) + Number(cell('duties_anticipated'))).toBe(cell('duty_ids')!.split(' ').filter(Boolean).length);
  });

  it('reports unreadable and unknown files without stopping the others', async () => {
    const r = await cli('classify', join(tmp, 'missing.json'), write('x.txt', 'hi'), exampleFile('E8'), ...DATE);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toHaveLength(1);
    expect(r.err).toMatch(/missing\.json: no such file or folder/);
    expect(r.err).toMatch(/x\.txt: unknown file type "\.txt"/);
  });

  it('exits 2 on usage errors', async () => {
    expect((await cli()).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('classify')).code).toBe(2);
    expect((await cli('classify', exampleFile('E1'), '--format', 'xml')).code).toBe(2);
    expect((await cli('classify', exampleFile('E1'), '--lang', 'fr')).code).toBe(2);
    expect((await cli('classify', exampleFile('E1'), '--date', 'tomorrow')).code).toBe(2);
    expect((await cli('classify', exampleFile('E1'), '--colour')).err).toMatch(/Unknown option/);
  });

  it('runs as a real process with the same exit codes (npm run -s cli)', async () => {
    const bad = write('bad.json', '{"answers": {"ai_techniques": ["none"], "eu_roles": ["provider"]}}');
    const p = spawnSync(process.execPath, ['--import', 'tsx', resolve('src/cli/main.ts'), 'classify', exampleFile('E2'), bad, ...DATE], { encoding: 'utf8' });
    expect(p.status).toBe(1);
    expect(JSON.parse(p.stdout)).toHaveLength(1);
    expect(p.stderr).toContain('field eu_roles');
    const u = spawnSync(process.execPath, ['--import', 'tsx', resolve('src/cli/main.ts'), 'nope'], { encoding: 'utf8' });
    expect(u.status).toBe(2);
  });
});

describe('cli dates', () => {
  it('warns when the assessment date is before the amended Act the rule set encodes, and still classifies', async () => {
    const r = await cli('classify', exampleFile('E4'), '--date', '2025-06-01');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^warning: the assessment date 2025-06-01 is before 2026-07-27/);
    expect(JSON.parse(r.out)).toHaveLength(1);
  });
});
