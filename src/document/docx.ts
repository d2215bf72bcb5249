/**
 * The checklist as a Word document (.docx, with the `docx` package): the document's blocks in order,
 * as Word's own structure — the title in Word's Title style, h1–h3 in Heading 1–3 (so the navigation
 * pane and a table of contents follow the chapters), quoted statute text in Quote, bullets as a Word
 * list, status boxes as ☐ ☑ ◐ ⊘, tables as bordered Word tables with a repeating header row, ruled
 * lines to write on. Every page's footer carries the document's identity and "Page n of m" (Word's
 * PAGE and NUMPAGES fields); every page but the first, the running header. The identity is also a
 * table at the end.
 *
 * Language and fonts: the document's language (en-GB or zh-CN) is set on every run, with zh-CN for East
 * Asian text; the font is Noto Sans SC (the PDF's), and where it is not installed Word takes its
 * stand-in from the font table: Microsoft YaHei, then SimSun.
 *
 * Deterministic: the same document gives the same bytes (the file's dates are the assessment date, the
 * zip entries' times too; no clock, no random ids).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  HeightRule,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { DutyStatusName } from '../assessment/record';
import { textLines, type Block, type Mark, type PrintedDocument, type StyleName, type Tone } from './blocks';
import { type ExportLabels, identityRows } from './labels';

/** Twentieths of a point (Word's twips). */
const pt = (n: number) => Math.round(n * 20);
/** A4, margins 2 cm. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** Indent per level of nested item. */
const STEP = 360;

const FONT = 'Noto Sans SC';
const SYMBOL_FONT = 'Segoe UI Symbol';
const INK = '1A1A1F';
const MUTED = '5C5E66';
const RULE = 'C7C9D1';
const TONES: Record<Tone, string> = {
  prohibited: 'B01C21',
  high: 'C75C00',
  limited: '1C5CA6',
  minimal: '217D3D',
  neutral: '666B73',
  review: '73389A',
};

export const BOX_GLYPHS: Record<DutyStatusName, string> = { todo: '☐', done: '☑', in_progress: '◐', not_applicable: '⊘' };
const BULLETS = ['•', '◦', '▪', '•', '◦', '▪', '•', '◦', '▪'];

/** How each body style is written (headings, title, subtitle and quotes have Word styles of their own). */
const RUNS: Record<StyleName, Omit<IRunOptions, 'text' | 'children'>> = {
  title: {},
  subtitle: {},
  h1: {},
  h2: {},
  h3: {},
  body: {},
  strong: { bold: true },
  small: { size: 17 },
  muted: { size: 17, color: MUTED },
  label: { bold: true, size: 17, color: MUTED },
  original: { size: 18 },
  translation: { size: 17, color: MUTED },
};
const HEADINGS: Partial<Record<StyleName, IParagraphOptions['heading']>> = {
  title: HeadingLevel.TITLE,
  h1: HeadingLevel.HEADING_1,
  h2: HeadingLevel.HEADING_2,
  h3: HeadingLevel.HEADING_3,
};


/** Text as runs, a line break between its lines. */
function runs(s: string, opts: Omit<IRunOptions, 'text' | 'children'> = {}): TextRun[] {
  return textLines(s).map((line, i) => new TextRun({ ...opts, text: line, ...(i ? { break: 1 } : {}) }));
}

/** "en" → "en-GB" (the English the statutes' translations are written in); a tag with a region stays. */
export function wordLanguage(lang: string): string {
  return lang === 'en' ? 'en-GB' : lang === 'zh' ? 'zh-CN' : lang;
}

const border = { style: BorderStyle.SINGLE, size: 4, color: RULE, space: 1 };

/** A paragraph's options, still open to change (an item keeps its paragraphs together), or a table. */
type Part = { p: IParagraphOptions } | Table;
const isParagraph = (x: Part): x is { p: IParagraphOptions } => !(x instanceof Table);
const materialize = (parts: readonly Part[]) => parts.map((x) => (isParagraph(x) ? new Paragraph(x.p) : x));

class Writer {
  /** Space asked for by a `space` block, added above the next paragraph. */
  private pending = 0;
  /** Inside a `keep` block: tables keep their rows together too. */
  private keeping = 0;

  constructor(private colon: string) {}

  /**
   * The blocks as Word paragraphs and tables, at `depth` levels of item; `mark`, when given, goes on
   * the first paragraph (the item's marker).
   */
  blocks(blocks: readonly Block[], depth: number, mark?: Mark): Part[] {
    const out: Part[] = [];
    for (const b of blocks) {
      const made = this.block(b, depth, out.length === 0 ? mark : undefined);
      if (mark && out.length === 0 && made.length && !isParagraph(made[0]!)) out.push(this.paragraph({ children: [] }, depth, mark));
      // Two tables in a row would be read as one (Word and LibreOffice join them): a small empty paragraph between.
      const last = out[out.length - 1];
      if (last && !isParagraph(last) && made.length && !isParagraph(made[0]!)) out.push({ p: { children: [], spacing: { before: 0, after: 0, line: 120, lineRule: LineRuleType.EXACT } } });
      out.push(...made);
    }
    if (mark && !out.length) out.push(this.paragraph({ children: [] }, depth, mark));
    return out;
  }

  /** A paragraph at `depth`, with the item's marker when given, and the space asked for above it. */
  private paragraph(opts: IParagraphOptions & { children: NonNullable<IParagraphOptions['children']> }, depth: number, mark?: Mark, extraIndent = 0): Part {
    // A heading's own space above it stands in for the space asked for.
    const before = opts.heading ? 0 : this.pending;
    this.pending = 0;
    const left = depth * STEP + extraIndent;
    const spacing = before ? { ...opts.spacing, before: (opts.spacing?.before ?? 0) + pt(before) } : opts.spacing;
    if (mark?.kind === 'bullet') {
      return { p: { ...opts, ...(spacing ? { spacing } : {}), numbering: { reference: 'bullets', level: Math.max(0, depth - 1) }, ...(extraIndent ? { indent: { left, hanging: STEP } } : {}) } };
    }
    if (mark?.kind === 'box') {
      const glyph = new TextRun({ text: BOX_GLYPHS[mark.status], font: { ascii: SYMBOL_FONT, hAnsi: SYMBOL_FONT, eastAsia: SYMBOL_FONT, cs: SYMBOL_FONT }, size: 22 });
      return { p: { ...opts, ...(spacing ? { spacing } : {}), children: [glyph, new TextRun({ children: [new Tab()] }), ...opts.children], indent: { left, hanging: STEP }, tabStops: [{ type: TabStopType.LEFT, position: left }] } };
    }
    return { p: { ...opts, ...(spacing ? { spacing } : {}), ...(left ? { indent: { left } } : {}) } };
  }

  private block(b: Block, depth: number, mark?: Mark): Part[] {
    switch (b.type) {
      case 'text': {
        const heading = HEADINGS[b.style];
        const style = b.quote ? 'Quote' : b.style === 'subtitle' ? 'Subtitle' : undefined;
        return [
          this.paragraph(
            {
              children: runs(b.text, RUNS[b.style]),
              ...(heading ? { heading } : {}),
              ...(style ? { style } : {}),
              ...(b.keepWithNext ? { keepNext: true } : {}),
              ...(b.pageBreakBefore ? { pageBreakBefore: true } : {}),
            },
            depth,
            mark,
            b.indent ? pt(b.indent) : 0,
          ),
        ];
      }
      case 'field':
        return [
          this.paragraph(
            {
              children: [new TextRun({ text: `${b.label}${this.colon.trimEnd()}`, bold: true }), new TextRun({ children: [new Tab()] }), ...runs(b.value)],
              tabStops: [{ type: TabStopType.LEFT, position: depth * STEP + 2600 }],
              indent: { left: depth * STEP + 2600, hanging: 2600 },
              spacing: { after: 40 },
            },
            depth,
            mark,
          ),
        ];
      case 'badge': {
        const text = new TextRun({ text: `\u00a0${b.text.replace(/\s+/g, ' ')}\u00a0`, bold: true, size: 24, color: 'FFFFFF', shading: { type: ShadingType.CLEAR, fill: TONES[b.tone], color: 'auto' } });
        return [
          ...(b.label ? [this.paragraph({ children: runs(b.label, RUNS.label), keepNext: true }, depth, mark)] : []),
          this.paragraph({ children: [text], spacing: { before: 40, after: 120 } }, depth, b.label ? undefined : mark),
        ];
      }
      case 'item': {
        const inner = this.blocks(b.blocks, depth + 1, b.mark);
        // An item is kept on one page when it is short enough to fit one.
        if (inner.length <= 14 && inner.every(isParagraph)) for (const x of inner.slice(0, -1)) x.p = { ...x.p, keepNext: true, keepLines: true };
        this.pending = Math.max(this.pending, b.mark.kind === 'box' ? 4 : 1);
        return inner;
      }
      case 'keep': {
        // Kept on one page when it fits one: each paragraph keeps with the next, the last one with the table after it.
        this.keeping++;
        const inner = this.blocks(b.blocks, depth, mark);
        this.keeping--;
        for (const x of inner.slice(0, -1)) if (isParagraph(x)) x.p = { ...x.p, keepNext: true, keepLines: true };
        return inner;
      }
      case 'space':
        this.pending += b.size;
        return [];
      case 'rule':
        return [this.paragraph({ children: [], border: { bottom: border }, spacing: { after: 120 } }, depth, mark)];
      case 'lines':
        return [
          ...(b.label ? [this.paragraph({ children: runs(b.label, RUNS.label), keepNext: true }, depth, mark)] : []),
          ...Array.from({ length: b.count }, (_, i) =>
            this.paragraph({ children: [], border: { bottom: border }, spacing: { line: 400, lineRule: LineRuleType.EXACT }, ...(i < b.count - 1 ? { keepNext: true } : {}) }, depth, !b.label && i === 0 ? mark : undefined),
          ),
        ];
      case 'table':
        return [this.table(b.head, b.rows, depth, b.widths, b.tall)];
    }
  }

  table(head: readonly string[], rows: readonly (readonly string[])[], depth: number, widths?: readonly number[], tall?: boolean): Table {
    const columns = Math.max(head.length, ...rows.map((r) => r.length), 1);
    const weights = Array.from({ length: columns }, (_, i) => widths?.[i] ?? 1);
    const total = weights.reduce((n, w) => n + w, 0);
    const width = CONTENT_WIDTH - depth * STEP;
    const columnWidths = weights.map((w) => Math.floor((w / total) * width));
    const keep = this.keeping > 0;
    const row = (cells: readonly string[], header: boolean, last: boolean) =>
      new TableRow({
        ...(header ? { tableHeader: true } : {}),
        cantSplit: true,
        ...(tall && !header ? { height: { value: 900, rule: HeightRule.ATLEAST } } : {}),
        children: Array.from(
          { length: columns },
          (_, i) =>
            new TableCell({
              width: { size: columnWidths[i]!, type: WidthType.DXA },
              ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'F1F2F4', color: 'auto' } } : {}),
              margins: { top: 60, bottom: 60, left: 100, right: 100 },
              // A header row keeps with the first row; in a `keep` block every row keeps with the next.
              children: [new Paragraph({ children: runs(cells[i] ?? '', header ? RUNS.label : {}), spacing: { after: 0 }, ...(header || (keep && !last) ? { keepNext: true } : {}) })],
            }),
        ),
      });
    this.pending = 0;
    return new Table({
      layout: TableLayoutType.FIXED,
      width: { size: width, type: WidthType.DXA },
      columnWidths,
      ...(depth ? { indent: { size: depth * STEP, type: WidthType.DXA } } : {}),
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      rows: [...(head.length ? [row(head, true, !rows.length)] : []), ...rows.map((r, i) => row(r, false, i === rows.length - 1))],
    });
  }
}

/** The page label ("Page 3 of 12") with Word's PAGE and NUMPAGES fields in place of the numbers. */
function pageLabelRuns(label: (page: number, pages: number) => string, opts: Omit<IRunOptions, 'text' | 'children'>): TextRun[] {
  const PAGE_MARK = 918273645;
  const PAGES_MARK = 546372819;
  return label(PAGE_MARK, PAGES_MARK)
    .split(new RegExp(`(${PAGE_MARK}|${PAGES_MARK})`))
    .filter(Boolean)
    .map((part) =>
      part === String(PAGE_MARK)
        ? new TextRun({ ...opts, children: [PageNumber.CURRENT] })
        : part === String(PAGES_MARK)
          ? new TextRun({ ...opts, children: [PageNumber.TOTAL_PAGES] })
          : new TextRun({ ...opts, text: part }),
    );
}

/** The font table's stand-ins: where Noto Sans SC is not installed, Microsoft YaHei, then SimSun. */
const FONT_TABLE_ENTRIES = [
  `<w:font w:name="${FONT}"><w:altName w:val="Microsoft YaHei"/><w:charset w:val="86"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>`,
  `<w:font w:name="Microsoft YaHei"><w:altName w:val="SimSun"/><w:charset w:val="86"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>`,
  `<w:font w:name="SimSun"><w:altName w:val="宋体"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`,
  `<w:font w:name="${SYMBOL_FONT}"><w:altName w:val="DejaVu Sans"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>`,
].join('');

/** The checklist as a .docx file. Pure: the same document and labels give the same bytes. */
export async function checklistDocx(doc: PrintedDocument, labels: ExportLabels): Promise<Uint8Array> {
  const lang = wordLanguage(doc.lang);
  const colon = doc.lang.startsWith('zh') ? '：' : ': ';
  const w = new Writer(colon);
  const body = materialize(w.blocks(doc.blocks, 0));
  const identity = identityRows(doc.identity, labels);
  const small = { size: 15, color: MUTED };
  const footer = new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH }],
        border: { top: border },
        // The footer line already names the document id (as the PDF's footer does).
        children: [new TextRun({ ...small, text: doc.footer }), new TextRun({ ...small, children: [new Tab()] }), ...pageLabelRuns(doc.pageLabel, small)],
      }),
      new Paragraph({ children: [new TextRun({ ...small, text: `${labels.ruleSetDigest}${colon}${doc.identity.ruleSetDigest || '—'}` })] }),
    ],
  });
  const document = new Document({
    title: doc.meta.title,
    subject: doc.meta.subject,
    creator: doc.meta.author ?? doc.meta.creator,
    lastModifiedBy: doc.meta.creator,
    keywords: doc.meta.keywords.join('; '),
    description: `${labels.documentId}${colon}${doc.identity.documentId}`,
    revision: 1,
    styles: {
      default: {
        document: {
          run: { font: { ascii: FONT, hAnsi: FONT, eastAsia: FONT, cs: FONT }, size: 19, color: INK, language: { value: lang, eastAsia: 'zh-CN' } },
          paragraph: { spacing: { after: 60, line: 300 } },
        },
        title: { run: { font: FONT, size: 44, bold: true, color: INK }, paragraph: { spacing: { after: 160 } } },
        heading1: { run: { font: FONT, size: 30, bold: true, color: INK }, paragraph: { spacing: { before: 320, after: 120 }, keepNext: true, outlineLevel: 0 } },
        heading2: { run: { font: FONT, size: 24, bold: true, color: INK }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true, outlineLevel: 1 } },
        heading3: { run: { font: FONT, size: 21, bold: true, color: INK }, paragraph: { spacing: { before: 160, after: 40 }, keepNext: true, outlineLevel: 2 } },
      },
      paragraphStyles: [
        { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 24, color: MUTED }, paragraph: { spacing: { after: 360 } } },
        {
          id: 'Quote',
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          paragraph: { indent: { left: 200 }, border: { left: { style: BorderStyle.SINGLE, size: 12, color: RULE, space: 8 } }, spacing: { before: 40, after: 80 } },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: BULLETS.map((text, level) => ({
            level,
            format: LevelFormat.BULLET,
            text,
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: (level + 1) * STEP, hanging: STEP } } },
          })),
        },
      ],
    },
    sections: [
      {
        properties: {
          page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: 600, footer: 500 } },
          titlePage: true,
        },
        headers: {
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ ...small, text: doc.header })] })] }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        footers: { default: footer, first: footer },
        children: [...body, new Paragraph({ children: [], border: { bottom: border }, spacing: { before: 240, after: 120 } }), w.table([], identity.map((r) => [...r]), 0, [1, 2.4])],
      },
    ],
  });
  const packed = await Packer.pack(document, 'uint8array');
  return settle(packed, doc.meta.date);
}

/**
 * The package made deterministic and its fonts given stand-ins: the core properties' created and
 * modified dates become the assessment date (docx writes the clock's), every zip entry gets that date
 * too (fflate would write the clock's), and the font table names Noto Sans SC's stand-ins.
 */
function settle(packed: Uint8Array, date: string): Uint8Array {
  const files = unzipSync(packed);
  const when = /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : '1980-01-01';
  const core = files['docProps/core.xml'];
  if (core) {
    files['docProps/core.xml'] = strToU8(strFromU8(core).replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${when}T00:00:00Z$3`));
  }
  const fonts = files['word/fontTable.xml'];
  if (fonts) {
    const xml = strFromU8(fonts);
    const open = /<w:fonts\b([^>]*?)\/>\s*$/;
    files['word/fontTable.xml'] = strToU8(open.test(xml) ? xml.replace(open, `<w:fonts$1>${FONT_TABLE_ENTRIES}</w:fonts>`) : xml.replace(/<\/w:fonts>\s*$/, `${FONT_TABLE_ENTRIES}</w:fonts>`));
  }
  const [y, m, d] = when.split('-').map(Number) as [number, number, number];
  // Local noon: a zip entry's time is the local time, so every time zone writes the same bytes.
  const mtime = new Date(y, m - 1, d, 12);
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, data]) => [name, [data, { mtime }]])), { level: 6 });
}
