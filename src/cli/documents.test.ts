/**
 * `classify --format docx|md --out DIR`: one Word or Markdown checklist per record, named after its
 * input file, in the language asked for, the same document the library makes for the same report;
 * usage errors without --out; a file that cannot be written named, the others still written.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnswerValue, Lang } from '../engine';
import { exportParts } from '../document/export';
import { checklistMarkdown } from '../document/markdown';
import { createI18n } from '../i18n/i18n';
import { documentInput, reportOf } from '../report/pipeline';
import { readDocx } from '../testing/docx-read';
import { headings } from '../testing/export-fixtures';
import { exampleFile, projectRules } from '../testing/fixtures';
import { exportFile } from '../file-format/summarize';
import { main } from './main';

const DATE = ['--date', '2026-11-23'];
const MAIN = resolve(import.meta.dirname, 'main.ts');
const dir = () => mkdtempSync(join(tmpdir(), 'cli-docs-'));

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

/** The report and document the library makes for an example, as the command line should. */
function expected(id: string, lang: Lang, full = false) {
  const rs = projectRules();
  const t = createI18n(lang).t;
  const { answers, meta } = JSON.parse(readFileSync(exampleFile(id), 'utf8')) as { answers: Record<string, AnswerValue>; meta?: { company?: string; product?: string } };
  const source = { answers, ...(meta ? { meta } : {}) };
  const report = reportOf(rs, source, lang, t, '2026-11-23')!;
  return { report, ...exportParts({ ...documentInput(rs, source, report, t), ...(full ? { full: true } : {}) }) };
}

const stem = (id: string) => basename(exampleFile(id), '.json');

describe('classify --format docx|md', () => {
  it.each(['en', 'zh-CN'] as const)('writes one Word file per example into --out, in %s, with the headings and duties of the document', async (lang) => {
    const out = dir();
    const r = await cli('classify', exampleFile('E1'), exampleFile('E6'), '--format', 'docx', '--out', out, '--lang', lang, ...DATE);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([`${stem('E1')}.docx`, `${stem('E6')}.docx`]);
    for (const id of ['E1', 'E6']) {
      const path = join(out, `${stem(id)}.docx`);
      const bytes = readFileSync(path);
      expect(r.out).toContain(`${path}\t${bytes.length}\n`);
      const docx = readDocx(new Uint8Array(bytes));
      const { report, doc } = expected(id, lang);
      expect(docx.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(
        headings(doc).flatMap((h) => (h.style === 'h1' ? [h.text] : [])),
      );
      const texts = docx.paragraphs.map((p) => p.text);
      for (const d of report.duties) expect(texts).toContain(`☐\t${d.title}`);
      for (const f of docx.footers) expect(f).toContain(doc.identity.documentId);
    }
  });

  it('writes one Markdown file per example, the same text the library makes', async () => {
    const out = dir();
    const r = await cli('classify', exampleFile('E2'), exampleFile('E5'), '--format', 'md', '--out', out, '--lang', 'zh-CN', ...DATE);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    for (const id of ['E2', 'E5']) {
      const md = readFileSync(join(out, `${stem(id)}.md`), 'utf8');
      const { doc, labels, report } = expected(id, 'zh-CN');
      expect(md).toBe(checklistMarkdown(doc, labels));
      expect(md.startsWith('# 人工智能风险自评估\n')).toBe(true);
      for (const d of report.duties) expect(md).toContain(d.title.replace(/[\\`*_[\]<>|~#]/g, '\\$&'));
    }
  });

  it('--full writes the full edition (the rules screened out and their articles), in Markdown and PDF alike; json refuses it', async () => {
    const out = dir();
    const r = await cli('classify', exampleFile('E4'), '--format', 'md', '--out', out, '--full', ...DATE);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const md = readFileSync(join(out, `${stem('E4')}.md`), 'utf8');
    const full = expected('E4', 'en', true);
    expect(md).toBe(checklistMarkdown(full.doc, full.labels));
    expect(md.length).toBeGreaterThan(checklistMarkdown(expected('E4', 'en').doc, full.labels).length);
    for (const reason of full.report.regimes.EU.ruledOut) expect(md).toContain(reason.text.slice(0, 40).replace(/[\\`*_[\]<>|~#]/g, '\\$&'));
    const pdfOut = dir();
    const standard = dir();
    expect((await cli('classify', exampleFile('E4'), '--format', 'pdf', '--out', pdfOut, '--full', ...DATE)).code).toBe(0);
    expect((await cli('classify', exampleFile('E4'), '--format', 'pdf', '--out', standard, ...DATE)).code).toBe(0);
    const size = (d: string) => readFileSync(join(d, `${stem('E4')}.pdf`)).length;
    expect(size(pdfOut)).toBeGreaterThan(size(standard));
    const bad = await cli('classify', exampleFile('E4'), '--full', ...DATE);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--full is for --format pdf, docx and md');
  });

  it("prints the revision note of a file the app exported: the document it last issued is named as replaced", async () => {
    const rs = projectRules();
    const { answers } = JSON.parse(readFileSync(exampleFile('E4'), 'utf8')) as { answers: Record<string, AnswerValue> };
    const now = '2026-11-20T09:00:00.000Z';
    const issued = { documentId: 'AIRA-11AB-22CD-33EF', date: '2026-11-02' };
    const file = join(dir(), 'exported.json');
    writeFileSync(file, JSON.stringify(exportFile(rs, { id: 'cli-issued', answers, step: 'result', duties: {}, createdAt: now, updatedAt: now, issued })));
    const out = dir();
    const r = await cli('classify', file, '--format', 'md', '--out', out, ...DATE);
    expect(r.err).toBe('');
    const md = readFileSync(join(out, 'exported.md'), 'utf8');
    expect(md).toContain('Replaces document AIRA-11AB-22CD-33EF of 2 November 2026');
    expect(md).not.toContain('First issue');
  });

  it('names each record of a file that holds several', async () => {
    const out = dir();
    const good = JSON.parse(readFileSync(exampleFile('E4'), 'utf8'));
    const arr = join(dir(), 'cohort.json');
    writeFileSync(arr, JSON.stringify([good, good]));
    const r = await cli('classify', arr, '--format', 'md', '--out', out, ...DATE);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['cohort-1.md', 'cohort-2.md']);
  });

  it('needs --out, which only the file formats take (exit 2)', async () => {
    for (const format of ['docx', 'md']) {
      const r = await cli('classify', exampleFile('E1'), '--format', format, ...DATE);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`--format ${format} needs --out DIR`);
    }
    const r = await cli('classify', exampleFile('E1'), '--format', 'ndjson', '--out', dir(), ...DATE);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--out is for --format pdf, docx and md');
  });

  it('names a file it cannot write, writes the others, exit 1', async () => {
    const out = dir();
    mkdirSync(join(out, `${stem('E1')}.docx`)); // a folder where the file should go
    const r = await cli('classify', exampleFile('E1'), exampleFile('E3'), '--format', 'docx', '--out', out, ...DATE);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`^error: ${stem('E1')}\\.docx: the file could not be made or written: .*EISDIR`, 'm'));
    expect(readFileSync(join(out, `${stem('E3')}.docx`)).length).toBeGreaterThan(10_000);
  });

  it('runs as a command (tsx), loading the document code only for the file formats', () => {
    const out = dir();
    const p = spawnSync(process.execPath, ['--import', 'tsx', MAIN, 'classify', exampleFile('E7'), '--format', 'docx', '--out', out, ...DATE], { encoding: 'utf8', timeout: 60_000 });
    expect(p.stderr).toBe('');
    expect(p.status).toBe(0);
    const docx = readDocx(new Uint8Array(readFileSync(join(out, `${stem('E7')}.docx`))));
    expect(docx.paragraphs[0]).toEqual(expect.objectContaining({ style: 'Title', text: 'AI-risk self-assessment' }));
  });
});
