/**
 * The Markdown export for every worked example in both languages, read back line by line: the same
 * headings in the same order as the document's, every duty as a task item with its status, every text
 * of the document in it, the identity at the top and at the end; and hostile names and notes printed as
 * written, never as a heading, link, HTML, list, quote or table.
 */
import { describe, expect, it } from 'vitest';
import { DUTY_STATUSES } from '../assessment/record';
import { allBlocks, EXAMPLES, exportInput, headings, HOSTILE } from '../testing/export-fixtures';
import type { PrintedDocument } from './blocks';
import { identityRows } from './labels';
import { checklistMarkdown, escapeLine } from './markdown';

/** Markdown's backslash escapes undone: what a reader of the rendered text sees, line by line. */
const unescape = (s: string) => s.replace(/\\([!-/:-@[-`{-~])/g, '$1');

const ATX = /^\s*(#{1,6})(?:\s+(.*))?$/;
const LIST_ITEM = /^\s*(?:[-+*]|\d{1,9}[.)])(?:\s|$)/;
const BREAK = /^\s*([-*_])(?:\s*\1){2,}\s*$/;

function check(doc: PrintedDocument, md: string) {
  const lines = md.split('\n');
  // Headings: exactly the document's title and h1–h3, in order (title and h1 as #, h2 ##, h3 ###).
  const found = lines.flatMap((l) => {
    const m = ATX.exec(l);
    return m ? [{ level: m[1]!.length, text: unescape(m[2] ?? '') }] : [];
  });
  expect(found).toEqual(headings(doc).map((h) => ({ level: h.level, text: h.text.replace(/\s*\n\s*/g, ' ').trim() })));
  // Written as they read where nothing in them needs escaping ("1. Action plan", not "1\. Action plan").
  for (const h of headings(doc)) if (!/[\\`*_[\]<>|~#&\n]/.test(h.text)) expect(lines).toContain(`${'#'.repeat(h.level)} ${h.text.trim()}`);
  const blocks = allBlocks(doc.blocks);
  // One list marker per item, one thematic break per rule (and one before the closing identity).
  expect(lines.filter((l) => LIST_ITEM.test(l))).toHaveLength(blocks.filter((b) => b.type === 'item').length);
  expect(lines.filter((l) => BREAK.test(l))).toHaveLength(blocks.filter((b) => b.type === 'rule').length + 1);
  // No raw HTML, no link, no unescaped bracket but a task box.
  const withoutOurs = md.replace(/<br>/g, '').replace(/^(\s*- )\[[ x~-]\] /gm, '$1');
  expect(withoutOurs).not.toMatch(/(^|[^\\])</m);
  expect(withoutOurs).not.toMatch(/(^|[^\\])[[\]]/m);
  // Every line of every text in the document is there, as written.
  const shown = unescape(md);
  for (const b of blocks) {
    const texts = b.type === 'text' ? [b.text] : b.type === 'field' ? [b.label, b.value] : b.type === 'badge' ? [b.text, b.label ?? ''] : b.type === 'lines' ? [b.label ?? ''] : b.type === 'table' ? [...b.head, ...b.rows.flat()] : [];
    for (const text of texts) for (const line of text.split('\n')) if (line.trim()) expect(shown, `missing: ${line}`).toContain(b.type === 'text' && /^h\d|title$/.test(b.style) ? line.trim().replace(/\s+/g, ' ') : line.trim());
  }
}

describe.each(EXAMPLES)('Markdown of %s', (id) => {
  it.each(['en', 'zh-CN'] as const)('in %s: headings in order, duties as task items, every text, the identity twice', (lang) => {
    const { input, doc, labels } = exportInput(id, lang);
    const md = checklistMarkdown(doc, labels);
    check(doc, md);
    const { report: r, t, duties } = input;
    const box = { todo: '[ ]', done: '[x]', in_progress: '[~]', not_applicable: '[-]' } as const;
    for (const d of r.duties) expect(md).toContain(`- ${box[duties[d.id]?.status ?? 'todo']} **${escapeLine(d.title)}**`);
    for (const d of r.notices) expect(md).toContain(`- **${escapeLine(d.title)}**`);
    // A duty's blocks are indented under its box, its evidence a list nested in it.
    for (const d of r.duties) {
      expect(md).toContain(`\n  ${escapeLine(d.plain.split('\n')[0]!)}`);
      for (const e of d.evidence) expect(md).toContain(`\n  - ${escapeLine(e.split('\n')[0]!)}`);
    }
    if (r.duties[0]) expect(md).toContain(`Signed off by Legal ${id}`);
    // The legend: one box per status.
    for (const s of DUTY_STATUSES) expect(md).toContain(`- ${box[s]} ${escapeLine(t(`result:status.${s}`))}`);
    // The identity: at the top (the cover's fields, or a table right after the title), and a table at the very end.
    const rows = identityRows(doc.identity, labels);
    const table = [`| ${rows.map(([l]) => l).join(' | ')} |`, `|${' --- |'.repeat(rows.length)}`, `| ${rows.map(([, v]) => v).join(' | ')} |`].join('\n');
    const firstChapter = md.indexOf('\n# ');
    expect(md.slice(0, firstChapter)).toContain(doc.identity.documentId);
    expect(md.slice(0, firstChapter)).toContain(doc.identity.ruleSetDigest);
    expect(md.endsWith(`${table}\n`)).toBe(true);
    expect(table).toContain(doc.identity.documentId);
    expect(doc.identity.ruleSetDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(table).toContain(doc.identity.ruleSetDigest);
    expect(md.split('\n')[0]).toBe(`# ${escapeLine(t('pdf:title'))}`);
  });
});

describe('Markdown export', () => {
  it('puts the identity table after the title when the cover does not print the document id, once when it does', () => {
    const { doc, labels } = exportInput('E4', 'en');
    const rows = identityRows(doc.identity, labels);
    const head = `| ${rows.map(([l]) => l).join(' | ')} |`;
    const count = (md: string) => md.split(head).length - 1;
    expect(count(checklistMarkdown(doc, labels))).toBe(1);
    const bare = { ...doc, blocks: doc.blocks.filter((b) => !(b.type === 'field' && b.value === doc.identity.documentId)) };
    const md = checklistMarkdown(bare, labels);
    expect(count(md)).toBe(2);
    expect(md.indexOf(head)).toBeLessThan(md.indexOf('\n## '));
  });

  it.each(['en', 'zh-CN'] as const)('prints hostile names, assessor and notes as written, in %s', (lang) => {
    const { input, doc, labels } = exportInput('E1', lang, true);
    const md = checklistMarkdown(doc, labels);
    check(doc, md);
    const colon = lang === 'en' ? ': ' : '：';
    expect(md).toContain(`${colon}\\# x\n`);
    expect(md).toContain(`${colon}\\[a\\](http://e) \\<script\\>alert(1)\\</script\\>\n`);
    expect(md).toContain(`${colon}\\| cell \\| & \\&amp; \\]\\]\\> \\\`code\\\` \\*bold\\* \\_it\\_\n`);
    // The note's lines stay lines of one paragraph, none of them a list, quote, rule or HTML.
    expect(md).toContain([input.t('pdf:checklist.note', { note: '- not a list' }), '1\\. nor this', '\\> nor a quote', '\\---', '\\<img src=x onerror=alert(1)\\>', '\\\\'].map((l) => `  ${l}`).join('\\\n'));
    const shown = unescape(md);
    for (const s of Object.values(HOSTILE)) for (const line of s.split('\n')) expect(shown).toContain(line);
  });

  it('escapes what would start a block at the start of a line, and nothing else', () => {
    expect(escapeLine('# x')).toBe('\\# x');
    expect(escapeLine('- x')).toBe('\\- x');
    expect(escapeLine('-5 %')).toBe('-5 %');
    expect(escapeLine('+ x')).toBe('\\+ x');
    expect(escapeLine('2026. x')).toBe('2026\\. x');
    expect(escapeLine('2.0.0')).toBe('2.0.0');
    expect(escapeLine('1) x')).toBe('1\\) x');
    expect(escapeLine('===')).toBe('\\===');
    expect(escapeLine('---')).toBe('\\---');
    expect(escapeLine('R&D &amp; &#60;')).toBe('R&D \\&amp; \\&\\#60;');
    expect(escapeLine('a_b*c`d~e|f')).toBe('a\\_b\\*c\\`d\\~e\\|f');
    expect(escapeLine('第一条　为了')).toBe('第一条　为了');
  });

  it('is the same text for the same document', () => {
    const one = exportInput('E5', 'zh-CN');
    const two = exportInput('E5', 'zh-CN');
    expect(checklistMarkdown(one.doc, one.labels)).toBe(checklistMarkdown(two.doc, two.labels));
  });
});
