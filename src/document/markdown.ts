/**
 * The checklist as Markdown (GitHub-flavoured): the document's blocks in order, as plain text that
 * reads well unrendered and renders as the same outline — title and h1 as `#`, h2 `##`, h3 `###`;
 * fields as "**Label**: value" lines; checklist items as task-list items (`[ ]` to do, `[x]` done,
 * `[~]` in progress, `[-]` not applicable) with their blocks indented under them; tables as GFM
 * tables; quoted statute text as `>`. The identity (document id, rule-set version, SHA-256 of the rule
 * files, revision) is a small table at the end, and after the title too where the cover does not print
 * the document id itself.
 *
 * Every text from the document is escaped, so that a company name or a note (`# x`, `[a](http://e)`,
 * `<script>`) is printed as written and never becomes a heading, a link, HTML or a list.
 */
import type { DutyStatusName } from '../assessment/record';
import { textLines, type Block, type PrintedDocument } from './blocks';
import { type ExportLabels, identityRows } from './labels';

const BOX: Record<DutyStatusName, string> = { todo: '[ ]', done: '[x]', in_progress: '[~]', not_applicable: '[-]' };

/**
 * Characters that mean something to Markdown anywhere in a line, each written with a backslash; and
 * `&` where it would start an entity (`&amp;`, `&#60;` would be decoded; "R&D" stays as it is).
 */
const INLINE = /[\\`*_[\]<>|~#]|&(?=#?[A-Za-z0-9]+;)/g;
/**
 * What makes a line start a block: a list marker (`-`, `+` and a space, `1.` or `1)` and a space), a
 * setext underline (a line of `=` or `-`). `#`, `>`, `*` and the rest are escaped wherever they are.
 */
const LINE_START = /^(?:[-+](?=\s|$)|=|-(?=[-\s]*$))|^\d{1,9}(?=[.)](?:\s|$))/;

/** Text escaped for a place inside a line (a table cell, after a marker): no inline construct survives. */
export function escapeInline(s: string): string {
  return s.trim().replace(INLINE, '\\$&');
}

/** One line of text, escaped: no construct of Markdown, inline or at the line's start, survives. */
export function escapeLine(s: string): string {
  return escapeInline(s).replace(LINE_START, (m) => (/^\d/.test(m) ? `${m}\\` : `\\${m}`));
}


/** Text as paragraphs: its lines joined with hard breaks, a blank line between paragraphs. */
function paragraphs(s: string, wrap: (line: string) => string = (l) => l): string[] {
  const out: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) out.push(current.join('\\\n'));
    current = [];
  };
  for (const line of textLines(s)) {
    const e = escapeLine(line);
    if (!e) flush();
    else current.push(wrap(e));
  }
  flush();
  return out;
}

/** A heading's (or a label's) text on one line, after a marker: only inline constructs are escaped ("1. Action plan" stays). */
const headingText = (s: string) => escapeInline(textLines(s).join(' '));

/** A table cell: escaped, its lines joined with <br> (a cell is one line of Markdown). */
const cell = (s: string) =>
  textLines(s)
    .map(escapeInline)
    .filter(Boolean)
    .join('<br>') || ' ';

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const columns = Math.max(head.length, ...rows.map((r) => r.length), 1);
  const row = (cells: readonly string[]) => `| ${Array.from({ length: columns }, (_, i) => cell(cells[i] ?? '')).join(' | ')} |`;
  return [row(head), `|${' --- |'.repeat(columns)}`, ...rows.map(row)].join('\n');
}

/** The blocks as Markdown chunks (each one or more lines), to be written with a blank line between. */
function chunks(blocks: readonly Block[], colon: string): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case 'text': {
        const style = b.style;
        if (style === 'title' || style === 'h1') out.push(`# ${headingText(b.text)}`);
        else if (style === 'h2') out.push(`## ${headingText(b.text)}`);
        else if (style === 'h3') out.push(`### ${headingText(b.text)}`);
        else {
          const wrap = style === 'strong' || style === 'label' ? (l: string) => `**${l}**` : style === 'subtitle' || style === 'muted' ? (l: string) => `*${l}*` : undefined;
          const ps = paragraphs(b.text, wrap);
          out.push(...(b.quote ? ps.map((p) => p.replace(/^/gm, '> ')) : ps));
        }
        break;
      }
      case 'field':
        out.push(`**${headingText(b.label)}**${colon}${paragraphs(b.value).join('\\\n') || ' '}`);
        break;
      case 'badge':
        out.push(`${b.label ? `${headingText(b.label)}${colon}` : ''}**${headingText(b.text)}**`);
        break;
      case 'item': {
        const marker = b.mark.kind === 'box' ? `- ${BOX[b.mark.status]} ` : '- ';
        const inner = chunks(b.blocks, colon);
        if (!inner.length) inner.push('');
        // The item's first chunk follows the marker; the rest of its lines are indented under it.
        out.push(
          inner
            .join('\n\n')
            .split('\n')
            .map((line, i) => (i === 0 ? `${marker}${line}`.trimEnd() : line ? `  ${line}` : ''))
            .join('\n'),
        );
        break;
      }
      case 'keep':
        out.push(...chunks(b.blocks, colon));
        break;
      case 'space':
        break;
      case 'rule':
        out.push('---');
        break;
      case 'table':
        out.push(table(b.head, b.rows));
        break;
      case 'lines':
        out.push(`${b.label ? `${escapeLine(textLines(b.label).join(' '))} ` : ''}${'\\_'.repeat(Math.max(24, 12 * b.count))}`);
        break;
    }
  }
  return out;
}


/** The document as Markdown. Pure: the same document and labels give the same text. */
export function checklistMarkdown(doc: PrintedDocument, labels: ExportLabels): string {
  const rows = identityRows(doc.identity, labels);
  const identity = table(
    rows.map(([label]) => label),
    [rows.map(([, value]) => value)],
  );
  // "Label: value" in English, "标签：值" in Chinese.
  const colon = doc.lang.startsWith('zh') ? '：' : ': ';
  const body = chunks(doc.blocks, colon);
  // The identity table goes after the title and subtitle (the top of the cover), unless the cover
  // prints the document id itself; it closes the document in any case.
  const firstH1 = doc.blocks.findIndex((b) => b.type === 'text' && b.style === 'h1');
  const cover = doc.blocks.slice(0, firstH1 < 0 ? doc.blocks.length : firstH1);
  const coverHasId = cover.some((b) => b.type === 'field' && b.value === doc.identity.documentId);
  const lead = doc.blocks.findIndex((b) => !(b.type === 'text' && (b.style === 'title' || b.style === 'subtitle')));
  const leadChunks = lead < 0 ? body.length : chunks(doc.blocks.slice(0, lead), colon).length;
  const parts = [...body.slice(0, leadChunks), ...(coverHasId ? [] : [identity]), ...body.slice(leadChunks), '---', ...paragraphs(doc.footer), identity];
  return `${parts.join('\n\n')}\n`;
}
