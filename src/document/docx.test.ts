/**
 * The Word export for every worked example in both languages, read back from the package (fflate, and
 * a reader of the XML that fails on anything not well-formed): Title and Heading 1–3 paragraphs in the
 * document's order (the navigation pane), a Word table for each table block and the identity, every
 * duty behind its status glyph, every text of the document, the identity and the PAGE/NUMPAGES fields
 * in the footer, the language and fonts, and the same bytes whatever the clock says. Headless
 * LibreOffice opens one file per language and prints it to PDF, and takes two through a round trip
 * (Word → OpenDocument → Word) that must keep headings, tables, checklist and text.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DutyStatusName } from '../assessment/record';
import { readDocx } from '../testing/docx-read';
import { allBlocks, EXAMPLES, exportInput, headings, HOSTILE } from '../testing/export-fixtures';
import { BOX_GLYPHS, checklistDocx } from './docx';
import { identityRows } from './labels';

const OUT = resolve(import.meta.dirname, '../../test-results/docx');
const STYLE = { title: 'Title', h1: 'Heading1', h2: 'Heading2', h3: 'Heading3' } as const;

/** The DOS date of every local file header in a zip. */
function zipDates(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: string[] = [];
  for (let i = 0; i + 30 <= bytes.length; ) {
    if (view.getUint32(i, true) !== 0x04034b50) break;
    const d = view.getUint16(i + 12, true);
    out.push(`${(d >> 9) + 1980}-${String((d >> 5) & 15).padStart(2, '0')}-${String(d & 31).padStart(2, '0')}`);
    const flags = view.getUint16(i + 6, true);
    expect(flags & 8, 'sizes in a data descriptor').toBe(0);
    i += 30 + view.getUint32(i + 18, true) + view.getUint16(i + 26, true) + view.getUint16(i + 28, true);
  }
  return out;
}

afterEach(() => {
  vi.useRealTimers();
});

describe.each(EXAMPLES)('DOCX of %s', (id) => {
  it.each(['en', 'zh-CN'] as const)('in %s: headings, tables, duties, every text, footer identity, language', async (lang) => {
    const { input, doc, labels } = exportInput(id, lang);
    const bytes = await checklistDocx(doc, labels);
    expect(bytes.length).toBeLessThan(400_000);
    const docx = readDocx(bytes);
    const body = docx.paragraphs.filter((p) => !p.inTable);

    // Word's heading styles, in the document's order: the navigation pane shows the document's outline.
    const expected = headings(doc);
    expect(body.filter((p) => p.style && Object.values(STYLE).includes(p.style as never)).map((p) => ({ style: p.style, text: p.text }))).toEqual(
      expected.map((h) => ({ style: STYLE[h.style as keyof typeof STYLE], text: h.text })),
    );
    const h1 = allBlocks(doc.blocks).filter((b) => b.type === 'text' && b.style === 'h1');
    expect(body.filter((p) => p.style === 'Heading1').map((p) => p.pageBreakBefore)).toEqual(h1.map((b) => b.type === 'text' && !!b.pageBreakBefore));
    for (const level of [0, 1, 2]) expect(docx.files['word/styles.xml']).toMatch(new RegExp(`w:styleId="Heading${level + 1}"[^]*?<w:outlineLvl w:val="${level}"/>[^]*?</w:style>`));

    // A bordered Word table per table block, then the identity table.
    const tables = allBlocks(doc.blocks).filter((b) => b.type === 'table');
    expect(docx.tables).toHaveLength(tables.length + 1);
    tables.forEach((b, i) => {
      const columns = Math.max(b.head.length, ...b.rows.map((r) => r.length));
      const pad = (r: string[]) => Array.from({ length: columns }, (_, k) => r[k] ?? '');
      expect(docx.tables[i]).toEqual([...(b.head.length ? [pad(b.head)] : []), ...b.rows.map(pad)]);
    });
    expect(docx.tables.at(-1)).toEqual(identityRows(doc.identity, labels));
    expect(docx.files['word/document.xml']).toMatch(/<w:tblBorders><w:top w:val="single"/);

    // Every duty behind the glyph of its status; notices as bullets of a Word list.
    const { report: r, duties } = input;
    const texts = body.map((p) => p.text);
    for (const d of r.duties) expect(texts).toContain(`${BOX_GLYPHS[(duties[d.id]?.status ?? 'todo') as DutyStatusName]}\t${d.title}`);
    for (const d of r.notices) expect(body.some((p) => p.numbered && p.text === d.title)).toBe(true);
    if (r.duties[0]) expect(texts).toContain(BOX_GLYPHS.done + '\t' + r.duties[0].title);

    // Every text of the document, as written.
    const all = docx.paragraphs.map((p) => p.text).join('\n');
    for (const b of allBlocks(doc.blocks)) {
      const strings = b.type === 'text' ? [b.text] : b.type === 'field' ? [b.label, b.value] : b.type === 'badge' ? [b.label ?? ''] : b.type === 'lines' ? [b.label ?? ''] : [];
      for (const s of strings) expect(all, `missing: ${s.slice(0, 80)}`).toContain(s);
    }
    for (const b of allBlocks(doc.blocks)) if (b.type === 'badge') expect(all).toContain(`\u00a0${b.text}\u00a0`);

    // Page furniture: the identity and "Page n of m" with Word's fields on every page; the running header.
    expect(docx.footers.length).toBeGreaterThan(0);
    for (const f of docx.footers) {
      expect(f.split(doc.identity.documentId)).toHaveLength(2); // once, as in the PDF's footer
      expect(f).toContain(doc.identity.ruleSetDigest);
      expect(f).toContain(doc.footer);
      expect(f).toContain(doc.pageLabel(918, 919).replace('918', '{PAGE}').replace('919', '{NUMPAGES}'));
    }
    expect(docx.headers).toContain(doc.header);

    // Language, fonts, metadata.
    const styles = docx.files['word/styles.xml']!;
    expect(styles).toContain(`<w:lang w:val="${lang === 'en' ? 'en-GB' : 'zh-CN'}" w:eastAsia="zh-CN"/>`);
    expect(styles).toMatch(/<w:rFonts w:ascii="Noto Sans SC" w:cs="Noto Sans SC" w:eastAsia="Noto Sans SC" w:hAnsi="Noto Sans SC"\/>/);
    expect(docx.files['word/fontTable.xml']).toContain('<w:font w:name="Noto Sans SC"><w:altName w:val="Microsoft YaHei"/>');
    expect(docx.files['word/fontTable.xml']).toContain('<w:font w:name="Microsoft YaHei"><w:altName w:val="SimSun"/>');
    const core = docx.files['docProps/core.xml']!;
    expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${r.assessedOn}T00:00:00Z</dcterms:created>`);
    expect(core).toContain(`<dcterms:modified xsi:type="dcterms:W3CDTF">${r.assessedOn}T00:00:00Z</dcterms:modified>`);
    expect(core).toContain('<dc:creator>Wang Fang 王芳</dc:creator>');
    expect(new Set(zipDates(bytes))).toEqual(new Set([r.assessedOn]));
  });
});

describe('DOCX export', () => {
  it('is the same file whatever the clock says', async () => {
    const { doc, labels } = exportInput('E5', 'zh-CN');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-01T08:00:00Z'));
    const one = await checklistDocx(doc, labels);
    vi.setSystemTime(new Date('2034-07-19T23:59:58Z'));
    const two = await checklistDocx(doc, labels);
    expect(Buffer.from(one).equals(Buffer.from(two))).toBe(true);
  });

  it.each(['en', 'zh-CN'] as const)('writes hostile names, assessor and notes as text, in %s', async (lang) => {
    const { input, doc, labels } = exportInput('E1', lang, true);
    const docx = readDocx(await checklistDocx(doc, labels)); // throws if any part is not well-formed
    const texts = docx.paragraphs.map((p) => p.text);
    const colon = lang === 'en' ? ':' : '：';
    expect(texts).toContain(`${input.t('pdf:field.company')}${colon}\t${HOSTILE.company}`);
    expect(texts).toContain(`${input.t('pdf:field.product')}${colon}\t${HOSTILE.product}`);
    expect(texts).toContain(`${input.t('pdf:field.assessor')}${colon}\t${HOSTILE.assessor}`);
    expect(texts).toContain(input.t('pdf:checklist.note', { note: HOSTILE.note }));
    // No heading but the document's: "# x" is not one.
    expect(docx.paragraphs.filter((p) => p.style?.startsWith('Heading')).map((p) => p.text)).not.toContain(HOSTILE.company);
    expect(docx.files['word/document.xml']).toContain('&lt;script&gt;');
  });

  /** LibreOffice, which `.ci/run` installs (libreoffice-writer-nogui): a missing one fails here with what to install. */
  function soffice(): string {
    const found = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find(existsSync);
    if (!found) throw new Error('LibreOffice (soffice) is needed for the Word tests: apt-get install libreoffice-writer-nogui (bash .ci/run does)');
    return found;
  }
  /** `file` converted by headless LibreOffice to `format` in `dir` (its own profile there, so runs do not share one). */
  function convert(file: string, format: string, dir: string): string {
    mkdirSync(dir, { recursive: true });
    execFileSync(soffice(), ['--headless', `-env:UserInstallation=file://${OUT}/lo-profile`, '--convert-to', format, '--outdir', dir, file], { stdio: 'pipe', timeout: 120_000 });
    const out = join(dir, basename(file).replace(/\.[^.]+$/, `.${format.split(':')[0]}`));
    expect(existsSync(out), `LibreOffice wrote no ${out}`).toBe(true);
    return out;
  }

  it.each(['en', 'zh-CN'] as const)('opens in LibreOffice and prints its headings and duties, in %s', async (lang) => {
    const { input, doc, labels } = exportInput('E1', lang);
    mkdirSync(OUT, { recursive: true });
    const file = join(OUT, `E1-${lang}.docx`);
    writeFileSync(file, await checklistDocx(doc, labels));
    const pdf = convert(file, 'pdf', OUT);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const h of headings(doc)) expect(text).toContain(h.text.replace(/\s+/g, ''));
    for (const d of input.report.duties) expect(text).toContain(d.title.replace(/\s+/g, ''));
    expect(text).toContain(doc.identity.documentId);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThan(3);
    // The footer's fields were computed: "Page 1 of N" … "Page N of N".
    expect(text).toContain(doc.pageLabel(pages, pages).replace(/\s+/g, ''));
    expect(readFileSync(pdf).length).toBeGreaterThan(10_000);
  }, 180_000);

  it.each([
    ['E1', 'zh-CN'],
    ['E4', 'en'],
  ] as const)('survives a round trip through LibreOffice (Word → OpenDocument → Word): %s in %s keeps its headings, tables, checklist and every paragraph', async (id, lang) => {
    const { doc, labels } = exportInput(id, lang);
    const dir = join(OUT, `round-trip-${id}-${lang}`);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${id}-${lang}.docx`);
    writeFileSync(file, await checklistDocx(doc, labels));
    const before = readDocx(new Uint8Array(readFileSync(file)));
    const after = readDocx(new Uint8Array(readFileSync(convert(convert(file, 'odt', join(dir, 'odt')), 'docx:MS Word 2007 XML', join(dir, 'back')))));
    // LibreOffice may end a paragraph with a line break of its own: compared trimmed.
    const trimmed = (d: typeof before) => d.paragraphs.map((p) => ({ ...p, text: p.text.trim() }));
    const headed = (d: typeof before) => trimmed(d).filter((p) => p.style === 'Title' || p.style?.startsWith('Heading')).map((p) => `${p.style} ${p.text}`);
    expect(headed(after)).toEqual(headed(before));
    expect(headed(before).length).toBe(headings(doc).length);
    expect(after.tables).toEqual(before.tables);
    const boxes = (d: typeof before) => trimmed(d).filter((p) => Object.values(BOX_GLYPHS).some((g) => p.text.startsWith(`${g}\t`))).map((p) => p.text);
    expect(boxes(after)).toEqual(boxes(before));
    expect(boxes(before).length).toBeGreaterThan(0);
    expect(trimmed(after).map((p) => p.text).filter(Boolean)).toEqual(trimmed(before).map((p) => p.text).filter(Boolean));
    expect(after.footers.map((f) => f.trim())).toEqual(before.footers.map((f) => f.trim()));
  }, 180_000);
});
