/**
 * Nothing for maintainers in what users get: the checklist document (PDF text as a reader extracts it,
 * and the blocks the Word and Markdown exports write) and the portfolio CSV, for every worked example
 * in both languages, carry no verification remark, no reviewer's note on an article, no "to verify"
 * remark of a duty, no repository path and no to-do. Those stay in rules/ and the catalogue.
 */
import { describe, expect, it } from 'vitest';
import { LANGS, type Lang } from '../engine';
import { VERIFICATION } from '../engine/constants';
import { createI18n } from '../i18n/i18n';
import { loadPdfAssets } from '../node/pdf-assets';
import { checklistPdf, GENERATOR } from '../pdf/checklist-pdf';
import { portfolioCsv } from '../portfolio/csv';
import { recordRow } from '../portfolio/rows';
import { newRecord } from '../assessment/record';
import { exampleAnswers, projectRules } from '../testing/fixtures';
import { exampleReport } from '../testing/report-fixtures';
import { readPdf, squash } from '../testing/pdf-check';
import type { Block } from './blocks';
import { checklistDocument } from './checklist';
import { documentInput } from '../report/pipeline';

const rs = projectRules();
const EXAMPLES = ['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9'];

/** What a maintainer wrote for maintainers: each article's note, each duty's "to verify", the verification marks. */
function internalTexts(): string[] {
  const out: string[] = [];
  for (const a of rs.articles.values()) if (a.note) out.push(a.note);
  for (const d of rs.duties) if (d.unverified) out.push(d.unverified.en, d.unverified['zh-CN']);
  for (const lang of LANGS) {
    const t = createI18n(lang).t;
    for (const v of VERIFICATION) out.push(t(`catalogue:verification.${v}`));
  }
  // Long enough to be that note and nothing else.
  return out.map((s) => s.trim().slice(0, 60)).filter((s) => s.length >= 20);
}

const PATTERNS = [/\brules\/|\bsrc\/|\.ya?ml\b|\.ts\b/, /rule-set release|before (each|a) release|发布规则集前/i, /\bTODO\b|\bFIXME\b/, /github\.com|CloudSecurityAlliance|prosodia/i, /\bverification:|\bverbatim\b/i, /\bseeds?\b|-verbatim\b/i];

function blockTexts(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b): string[] => {
    switch (b.type) {
      case 'text':
        return [b.text];
      case 'field':
        return [b.label, b.value];
      case 'badge':
        return [b.text, b.label ?? ''];
      case 'item':
      case 'keep':
        return blockTexts(b.blocks);
      case 'table':
        return [...b.head, ...b.rows.flat()];
      case 'lines':
        return [b.label ?? ''];
      default:
        return [];
    }
  });
}

function problems(text: string, internal: readonly string[]): string[] {
  const squashed = squash(text);
  return [...internal.filter((n) => squashed.includes(squash(n))).map((n) => `note: ${n}`), ...PATTERNS.filter((p) => p.test(text)).map((p) => `pattern ${p}: …${text.match(p)![0]}…`)];
}

describe('no maintainer notes in user documents', () => {
  const internal = internalTexts();

  it('finds them when they are there (the scan itself works)', () => {
    expect(internal.length).toBeGreaterThan(20);
    const note = [...rs.articles.values()].find((a) => a.note)!.note!;
    expect(problems(`Intro ${note} end`, internal)).not.toEqual([]);
    expect(problems('see rules/duties/eu.yaml', internal)).not.toEqual([]);
  });

  describe.each(EXAMPLES)('%s', (id) => {
    it.each(LANGS)('in %s: the document (blocks and the PDF as extracted) and the CSV are clean', async (lang: Lang) => {
      const { answers, report, t } = exampleReport(id, lang);
      // As the app and the command line make it (with the reassessment triggers).
      const input = { ...documentInput(rs, { answers, assessor: 'Wang Fang' }, report, t), generator: GENERATOR };
      const doc = checklistDocument(input);
      expect(problems([doc.header, doc.footer, ...blockTexts(doc.blocks)].join('\n'), internal)).toEqual([]);
      const pdf = await readPdf(await checklistPdf(input, loadPdfAssets()));
      expect(problems(pdf.pages.map((p) => p.map((x) => x.str).join(' ')).join('\n'), internal)).toEqual([]);
      const row = recordRow(rs, { ...newRecord(new Date('2026-11-23T10:00:00Z'), id), answers: exampleAnswers(id) as never })!;
      expect(problems(portfolioCsv([row], rs, { lang, t }), internal)).toEqual([]);
    }, 60_000);
  });
});
