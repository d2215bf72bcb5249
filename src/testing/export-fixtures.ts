/**
 * The documents the Word and Markdown export tests read back: each worked example in one language,
 * with statuses and notes set on its first duties as a user would (one of them hostile to Markdown and
 * XML), and a variant whose organisation, product, assessor and notes are all hostile text.
 */
import type { AnswerValue, Lang } from '../engine';
import type { DutyStatus } from '../assessment/record';
import type { Block, PrintedDocument } from '../document/blocks';
import { exportParts } from '../document/export';
import { createI18n } from '../i18n/i18n';
import { documentInput, reportOf } from '../report/pipeline';
import { exampleAnswers, projectRules } from './fixtures';

export const EXAMPLES = ['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9'] as const;

/** Names and notes that would become a heading, a link, HTML, a list, a table cell break or an entity if written as they are. */
export const HOSTILE = {
  company: '# x',
  product: '[a](http://e) <script>alert(1)</script>',
  assessor: '| cell | & &amp; ]]> `code` *bold* _it_',
  note: '- not a list\n1. nor this\n> nor a quote\n---\n<img src=x onerror=alert(1)>\n\\',
};

export function exportInput(id: string, lang: Lang, hostile = false, date = '2026-11-23') {
  const rs = projectRules();
  const t = createI18n(lang).t;
  const answers = { ...(exampleAnswers(id) as Record<string, AnswerValue>), ...(hostile ? { company_name: HOSTILE.company, product_name: HOSTILE.product } : {}) };
  const report = reportOf(rs, { answers }, lang, t, date);
  if (!report) throw new Error(`${id} does not assess`);
  const [a, b, c] = report.duties;
  const duties: Record<string, DutyStatus> = {};
  if (a) duties[a.id] = { status: 'done', note: hostile ? HOSTILE.note : `Signed off by Legal ${id}` };
  if (b) duties[b.id] = { status: 'in_progress' };
  if (c) duties[c.id] = { status: 'not_applicable', note: '不适用：产品未在上海提供' };
  // As the app and the command line make it (with the reassessment triggers).
  const input = documentInput(rs, { answers, duties, assessor: hostile ? HOSTILE.assessor : 'Wang Fang 王芳' }, report, t);
  return { input, ...exportParts(input) };
}

/** Every block, items' blocks included, in reading order. */
export function allBlocks(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((b) => (b.type === 'item' || b.type === 'keep' ? [b, ...allBlocks(b.blocks)] : [b]));
}

/** The document's headings (title and h1–h3) in order, with their level (title and h1 are level 1). */
export function headings(doc: PrintedDocument): { level: 1 | 2 | 3; style: string; text: string }[] {
  const level = { title: 1, h1: 1, h2: 2, h3: 3 } as const;
  return allBlocks(doc.blocks).flatMap((b) => (b.type === 'text' && b.style in level ? [{ level: level[b.style as keyof typeof level], style: b.style, text: b.text }] : []));
}
