/**
 * Lays a PrintedDocument out on A4 pages and writes it as a PDF with PDFKit. One font, Noto Sans SC
 * Regular, is embedded as a subset of the glyphs drawn, so Chinese renders on any reader and the file
 * stays small; bold styles are drawn with it filled and stroked (a second 10.5 MB weight would double
 * what the browser fetches for a heading style). Characters the font lacks are drawn with a stand-in
 * (text.ts). No clock and no randomness: the same document gives the same file. The font is parsed
 * once per process, and layouts made for one document serve the next (shared-font.ts, text-memo.ts).
 */
import PDFDocument from 'pdfkit';
import { type Block, type Mark, type PrintedDocument, type StyleName, type Tone } from '../document/blocks';
import { type SharedFont, sharedFont } from './shared-font';
import { type TextMemo, textMemo } from './text-memo';

/** The TrueType font, as bytes (read from disk in Node, fetched in the browser). */
export interface PdfAssets {
  font: Uint8Array;
}

type RGB = string;
const rgb = (r: number, g: number, b: number): RGB =>
  `#${[r, g, b].map((v) => Math.round(v * 255).toString(16).padStart(2, '0')).join('')}`;

// A4 in points, margins about 2 cm.
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { left: 56, right: 56, top: 64, bottom: 58 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const ITEM_INDENT = 18;
const QUOTE_INDENT = 10;

const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.36, 0.37, 0.4);
const RULE = rgb(0.78, 0.79, 0.82);
const TONES: Record<Tone, RGB> = {
  prohibited: rgb(0.69, 0.11, 0.13),
  high: rgb(0.78, 0.36, 0.0),
  limited: rgb(0.11, 0.36, 0.65),
  minimal: rgb(0.13, 0.49, 0.24),
  neutral: rgb(0.4, 0.42, 0.45),
  review: rgb(0.45, 0.22, 0.6),
};

interface Style {
  font: Weight;
  size: number;
  leading: number;
  color: RGB;
  before: number;
  after: number;
}
const STYLES: Record<StyleName, Style> = {
  title: { font: 'bold', size: 22, leading: 1.3, color: INK, before: 0, after: 8 },
  subtitle: { font: 'regular', size: 12, leading: 1.4, color: MUTED, before: 0, after: 18 },
  h1: { font: 'bold', size: 15, leading: 1.3, color: INK, before: 16, after: 6 },
  h2: { font: 'bold', size: 12, leading: 1.35, color: INK, before: 12, after: 4 },
  h3: { font: 'bold', size: 10.5, leading: 1.4, color: INK, before: 8, after: 2 },
  strong: { font: 'bold', size: 9.5, leading: 1.5, color: INK, before: 2, after: 1 },
  body: { font: 'regular', size: 9.5, leading: 1.5, color: INK, before: 0, after: 3 },
  label: { font: 'bold', size: 8.5, leading: 1.5, color: MUTED, before: 2, after: 0 },
  small: { font: 'regular', size: 8.5, leading: 1.5, color: INK, before: 0, after: 2 },
  muted: { font: 'regular', size: 8.5, leading: 1.5, color: MUTED, before: 0, after: 2 },
  original: { font: 'regular', size: 9, leading: 1.55, color: INK, before: 2, after: 2 },
  translation: { font: 'regular', size: 8.5, leading: 1.5, color: MUTED, before: 1, after: 4 },
};

// ---------------------------------------------------------------------------------------------
// Layout: blocks → lines (each a height and what to draw on it) → pages
// ---------------------------------------------------------------------------------------------

/** Bold is drawn with the regular font, filled and stroked (see drawOps). */
type Weight = 'regular' | 'bold';

/** `tag`: the structure element (see Tag) the op belongs to; an op without one is an artifact (decoration). */
type Op = (
  | { kind: 'text'; x: number; baseline: number; text: string; font: Weight; size: number; color: RGB }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill?: RGB; border?: RGB }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; color: RGB; width: number }
) & { tag?: number };

/**
 * The document's logical structure for the tagged PDF: headings, paragraphs, lists, tables and the
 * status boxes as figures with their meaning as alternative text. Reading order is drawing order.
 */
type Role = 'H1' | 'H2' | 'H3' | 'P' | 'L' | 'LI' | 'LBody' | 'Figure' | 'Table' | 'TR' | 'TH' | 'TD' | 'Div';
interface Tag {
  role: Role;
  parent?: number;
  alt?: string;
}
const ROLE_OF_STYLE: Partial<Record<StyleName, Role>> = { title: 'H1', h1: 'H1', h2: 'H2', h3: 'H3' };

/** One horizontal band of the page. Op coordinates are relative to its top-left, y downwards. */
interface Line {
  height: number;
  ops: Op[];
  /** Space: dropped at the top of a page. */
  space?: boolean;
  keepWithNext?: boolean;
  pageBreakBefore?: boolean;
  /** Lines of one checklist item share a group, kept on one page when they fit one (paginate). */
  group?: number;
  /** The group is never split, however tall (a keep block: the sign-off). */
  whole?: boolean;
  outline?: { level: 1 | 2; title: string };
}

class Typesetter {
  private groups = 0;
  replaced = 0;
  private memo: TextMemo;
  /** Structure elements by id (index); `parent` is where new elements go. */
  readonly tags: Tag[] = [];
  private parent: number | undefined;
  /** The list consecutive items join, while there is one. */
  private list: number | undefined;

  tag(role: Role, alt?: string, parent = this.parent): number {
    this.tags.push({ role, ...(parent !== undefined ? { parent } : {}), ...(alt ? { alt } : {}) });
    return this.tags.length - 1;
  }

  /** Runs `f` with new elements going into `parent`. */
  private inside<T>(parent: number, f: () => T): T {
    const [p, l] = [this.parent, this.list];
    this.parent = parent;
    this.list = undefined;
    try {
      return f();
    } finally {
      this.parent = p;
      this.list = l;
    }
  }

  constructor(private font: SharedFont) {
    this.memo = textMemo(font);
  }

  clean(text: string): string {
    const c = this.memo.clean(text);
    this.replaced += c.replaced;
    return c.text;
  }

  /** Width of `s` at `size` (see SharedFont.width). */
  measure(size: number, s: string): number {
    return this.font.width(size, s);
  }

  /** Lines of one paragraph in a style, `indent` points in from the margin; its text belongs to `tag`. */
  paragraph(text: string, styleName: StyleName, indent: number, quote = false, maxWidth = CONTENT_WIDTH, tag?: number): Line[] {
    const st = STYLES[styleName];
    const height = st.size * st.leading;
    const x = indent + (quote ? QUOTE_INDENT : 0);
    const width = Math.min(maxWidth, CONTENT_WIDTH - x);
    const wrapped = this.memo.wrap(this.clean(text), width, st.size);
    const baseline = (height - st.size) / 2 + st.size * 0.86;
    return wrapped.map((t) => ({
      height,
      ops: [
        ...(t ? [{ kind: 'text', x, baseline, text: t, font: st.font, size: st.size, color: st.color, ...(tag !== undefined ? { tag } : {}) } as Op] : []),
        ...(quote ? [{ kind: 'line', x1: indent + 2, y1: 0, x2: indent + 2, y2: height, color: RULE, width: 1.5 } as Op] : []),
      ],
    }));
  }

  space(size: number): Line {
    return { height: size, ops: [], space: true };
  }

  blocks(blocks: Block[], indent = 0, group?: number): Line[] {
    const out: Line[] = [];
    for (const b of blocks) {
      // Consecutive items form one list.
      if (b.type !== 'item') this.list = undefined;
      else if (this.list === undefined) this.list = this.tag('L');
      const lines = this.block(b, indent);
      if (group !== undefined) for (const l of lines) l.group = group;
      out.push(...lines);
    }
    return out;
  }

  private block(b: Block, indent: number): Line[] {
    switch (b.type) {
      case 'text': {
        const st = STYLES[b.style];
        const lines = this.paragraph(b.text, b.style, indent + (b.indent ?? 0), b.quote, CONTENT_WIDTH, this.tag(ROLE_OF_STYLE[b.style] ?? 'P'));
        if (!lines.length) return [];
        if (b.keepWithNext) for (const l of lines) l.keepWithNext = true;
        if (b.outline) lines[0]!.outline = { level: b.outline, title: this.clean(b.text).replace(/\s+/g, ' ') };
        const before = st.before ? [this.space(st.before)] : [];
        if (b.pageBreakBefore) (before[0] ?? lines[0]!).pageBreakBefore = true;
        if (b.keepWithNext) for (const l of before) l.keepWithNext = true;
        const after = st.after ? [{ ...this.space(st.after), keepWithNext: b.keepWithNext }] : [];
        return [...before, ...lines, ...after];
      }
      case 'field': {
        const labelWidth = 130;
        const tag = this.tag('P');
        const label = this.paragraph(b.label, 'label', indent, false, labelWidth - 10, tag);
        const value = this.paragraph(b.value || '—', 'body', indent + labelWidth, false, CONTENT_WIDTH, tag);
        const rows = Math.max(label.length, value.length);
        const out: Line[] = [];
        for (let i = 0; i < rows; i++) {
          const l = label[i];
          const v = value[i];
          const height = Math.max(l?.height ?? 0, v?.height ?? 0);
          // Label and value share a baseline on the first row.
          const shift = (line: Line | undefined) =>
            (line?.ops ?? []).map((op) => (op.kind === 'text' ? { ...op, baseline: op.baseline + (height - line!.height) / 2 } : op));
          out.push({ height, ops: [...shift(l), ...shift(v)] });
        }
        out.push(this.space(3));
        return out;
      }
      case 'badge': {
        const st = STYLES.h2;
        const text = this.clean(b.text);
        const tag = this.tag('P');
        const label = b.label ? this.paragraph(b.label, 'label', indent, false, CONTENT_WIDTH, tag) : [];
        const w = this.measure(st.size, text) + 16;
        if (w > CONTENT_WIDTH - indent) return [...label, ...this.paragraph(b.text, 'h2', indent, false, CONTENT_WIDTH, tag)];
        const height = st.size + 12;
        const badge: Line = {
          height: height + 4,
          ops: [
            { kind: 'rect', x: indent, y: 2, w, h: height, fill: TONES[b.tone] },
            { kind: 'text', x: indent + 8, baseline: 2 + 6 + st.size * 0.86, text, font: 'bold', size: st.size, color: '#ffffff', tag },
          ],
        };
        // A tier badge labels what follows it: never left alone at a page's end.
        for (const l of label) l.keepWithNext = true;
        badge.keepWithNext = true;
        return [...label, badge];
      }
      case 'item': {
        const group = ++this.groups;
        const li = this.tag('LI', undefined, this.list);
        // The status box first (a figure saying the status), then the item's body.
        const figure = b.mark.kind === 'box' ? this.tag('Figure', b.mark.alt, li) : undefined;
        const lines = this.inside(this.tag('LBody', undefined, li), () => this.blocks(b.blocks, indent + ITEM_INDENT, group));
        const first = lines.find((l) => !l.space && l.ops.length);
        if (first) first.ops.unshift(...this.mark(b.mark, indent, first).map((op) => (figure !== undefined ? { ...op, tag: figure } : op)));
        return [...lines, { ...this.space(b.mark.kind === 'box' ? 4 : 1), group }];
      }
      case 'space':
        return [this.space(b.size)];
      case 'rule':
        return [{ height: 9, ops: [{ kind: 'line', x1: indent, y1: 4.5, x2: CONTENT_WIDTH, y2: 4.5, color: RULE, width: 0.6 }] }];
      case 'lines': {
        const label = b.label ? this.paragraph(b.label, 'label', indent, false, CONTENT_WIDTH, this.tag('P')) : [];
        for (const l of label) l.keepWithNext = true;
        const ruled: Line[] = Array.from({ length: b.count }, () => ({ height: 20, ops: [{ kind: 'line', x1: indent, y1: 17, x2: CONTENT_WIDTH, y2: 17, color: RULE, width: 0.6 } as Op] }));
        const group = ++this.groups;
        for (const l of [...label, ...ruled]) l.group = group;
        return [...label, ...ruled, this.space(4)];
      }
      case 'table':
        return this.table(b, indent);
      case 'keep': {
        const group = ++this.groups;
        const lines = this.inside(this.tag('Div'), () => this.blocks(b.blocks, indent));
        for (const l of lines) {
          l.group = group;
          l.whole = true;
          // Its headings still open bookmarks; kept whole, nothing inside needs keep-with-next.
          l.keepWithNext = false;
        }
        return lines;
      }
    }
  }

  /** A table: header row in bold, ruled rows; `tall` rows leave room to write (a signature). */
  private table(b: Extract<Block, { type: 'table' }>, indent: number): Line[] {
    const width = CONTENT_WIDTH - indent;
    const weights = b.widths ?? b.head.map(() => 1);
    const total = weights.reduce((n, w) => n + w, 0);
    const cols = weights.map((w) => (w / total) * width);
    const xs = cols.map((_, i) => indent + cols.slice(0, i).reduce((n, w) => n + w, 0));
    const pad = 4;
    // One row is one band of the page, its cells drawn one after another (so text extraction and
    // screen readers read a cell whole, then the next).
    const table = this.tag('Table');
    const row = (cells: string[], style: StyleName, minHeight: number, group: number): Line[] => {
      const ops: Op[] = [];
      let height = STYLES[style].size * STYLES[style].leading;
      const tr = this.tag('TR', undefined, table);
      cells.forEach((c, i) => {
        let y = 0;
        const cell = this.tag(style === 'label' ? 'TH' : 'TD', undefined, tr);
        for (const l of this.paragraph(c || ' ', style, xs[i]! + pad, false, cols[i]! - 2 * pad, cell)) {
          for (const op of l.ops) ops.push(shiftOp(op, y));
          y += l.height;
        }
        height = Math.max(height, y);
      });
      height = Math.max(height, minHeight) + 3;
      ops.push({ kind: 'line', x1: indent, y1: height - 0.5, x2: CONTENT_WIDTH, y2: height - 0.5, color: RULE, width: 0.6 });
      return [{ height, ops, group }];
    };
    const head = row(b.head, 'label', 0, ++this.groups);
    for (const l of head) l.keepWithNext = true;
    return [...head, ...b.rows.flatMap((r) => row(r, 'body', b.tall ? 34 : 0, ++this.groups)), this.space(6)];
  }

  /** The status box (or bullet) drawn left of an item's first line. */
  private mark(mark: Mark, indent: number, line: Line): Op[] {
    const text = line.ops.find((o) => o.kind === 'text') as Extract<Op, { kind: 'text' }> | undefined;
    const baseline = text?.baseline ?? line.height * 0.75;
    const size = text?.size ?? 9.5;
    if (mark.kind === 'bullet') {
      return [{ kind: 'rect', x: indent + 6, y: baseline - size * 0.38, w: 3, h: 3, fill: INK }];
    }
    const s = 10;
    const x = indent + 1;
    const y = baseline - s + 1;
    const ops: Op[] = [{ kind: 'rect', x, y, w: s, h: s, border: INK }];
    const stroke = (x1: number, y1: number, x2: number, y2: number): Op => ({ kind: 'line', x1, y1, x2, y2, color: INK, width: 1.3 });
    if (mark.status === 'done') ops.push(stroke(x + 2, y + 5.2, x + 4.2, y + 7.8), stroke(x + 4.2, y + 7.8, x + 8.3, y + 2.2));
    else if (mark.status === 'in_progress') ops.push({ kind: 'rect', x: x + 2, y: y + 2, w: (s - 4) / 2, h: s - 4, fill: INK });
    else if (mark.status === 'not_applicable') ops.push(stroke(x + 2, y + s - 2, x + s - 2, y + 2));
    return ops;
  }
}

/** An op moved down by `dy` points within its line. */
function shiftOp(op: Op, dy: number): Op {
  if (op.kind === 'text') return { ...op, baseline: op.baseline + dy };
  if (op.kind === 'rect') return { ...op, y: op.y + dy };
  return { ...op, y1: op.y1 + dy, y2: op.y2 + dy };
}

interface PlacedPage {
  lines: { line: Line; top: number }[];
}

/**
 * Puts lines on pages. A group (a checklist item, a reason, a table row) up to a fifth of a page is not
 * split across a page end; a taller one may be, after its first lines (KEEP_FIRST), rather than leave
 * the rest of the page empty. A keep block (the sign-off) is never split. A heading goes with what
 * follows it.
 */
const KEEP_FIRST = 3;
function paginate(lines: Line[]): PlacedPage[] {
  const usable = PAGE.height - MARGIN.top - MARGIN.bottom;
  const whole = usable / 5;
  const pages: PlacedPage[] = [{ lines: [] }];
  let y = 0;
  const newPage = () => {
    pages.push({ lines: [] });
    y = 0;
  };
  const heightOf = (from: number, to: number) => {
    let h = 0;
    for (let k = from; k < to; k++) h += lines[k]!.height;
    return h;
  };
  /** Where the part of the group starting at `from` that must stay together ends: all of it, or its first lines when it is tall. */
  const keptEnd = (from: number) => {
    const group = lines[from]!.group;
    let g = from;
    while (g < lines.length && lines[g]!.group === group) g++;
    if (lines[from]!.whole || heightOf(from, g) <= whole) return g;
    let end = from;
    for (let n = 0; end < g && n < KEEP_FIRST; end++) if (!lines[end]!.space) n++;
    return end;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.pageBreakBefore && y > 0) newPage();
    if (line.space && y === 0) continue;
    // A group starting here: move it (or, when tall, its first lines) to the next page if it does not fit here.
    if (line.group !== undefined && (i === 0 || lines[i - 1]!.group !== line.group)) {
      const h = heightOf(i, keptEnd(i));
      if (h > usable - y && h <= usable && y > 0) newPage();
    }
    // A heading (and the spaces around it) goes with the first line of what follows, or, when that is a
    // group, with the part of it kept together (keptEnd).
    if (line.keepWithNext) {
      let j = i;
      while (j < lines.length && lines[j]!.keepWithNext) j++;
      let k = j;
      while (k < lines.length && lines[k]!.space) k++;
      let end = Math.min(k + 1, lines.length);
      if (lines[k]?.group !== undefined) end = keptEnd(k);
      const h = heightOf(i, end);
      if (h > usable - y && h <= usable && y > 0) newPage();
    }
    if (line.height > usable - y && y > 0) newPage();
    if (line.space && y === 0) continue;
    pages[pages.length - 1]!.lines.push({ line, top: y });
    y += line.height;
  }
  return pages;
}

// ---------------------------------------------------------------------------------------------
// Drawing
// ---------------------------------------------------------------------------------------------

/**
 * PDFKit measures a piece of text before drawing it, only to size underlines and links (and its own
 * line wrapper passes the measure in instead): these have none, so the measure is given as 0.
 */
type DrawTextOptions = PDFKit.Mixins.TextOptions & { textWidth: number; wordCount: number };

/**
 * Structure elements made as their first content is drawn (so the tree follows the reading order),
 * all within one Document element: the structure root holds a grouping element, as readers expect.
 */
class Structure {
  private made = new Map<number, PDFKit.PDFStructureElement>();
  private root: PDFKit.PDFStructureElement;
  constructor(
    private pdf: PDFKit.PDFDocument,
    private tags: readonly Tag[],
  ) {
    this.root = pdf.struct('Document');
    pdf.addStructure(this.root);
  }

  element(id: number): PDFKit.PDFStructureElement {
    let el = this.made.get(id);
    if (el) return el;
    const tag = this.tags[id]!;
    el = this.pdf.struct(tag.role, tag.alt ? { alt: tag.alt } : {});
    this.made.set(id, el);
    (tag.parent !== undefined ? this.element(tag.parent) : this.root).add(el);
    return el;
  }

  /** Draws `draw` as content of element `id`, or as an artifact (page furniture, decoration). */
  mark(id: number | undefined, draw: () => void, artifact: 'Layout' | 'Pagination' = 'Layout') {
    if (id === undefined) {
      this.pdf.markContent('Artifact', { type: artifact });
      draw();
      this.pdf.endMarkedContent();
      return;
    }
    const el = this.element(id);
    const content = this.pdf.markStructureContent(this.tags[id]!.role);
    draw();
    this.pdf.endMarkedContent();
    el.add(content);
  }

  end() {
    this.root.end();
  }
}

function drawOps(pdf: PDFKit.PDFDocument, ops: Op[], left: number, top: number, structure: Structure, artifact: 'Layout' | 'Pagination' = 'Layout') {
  for (const op of ops) structure.mark(op.tag, () => drawOp(pdf, op, left, top), artifact);
}

/**
 * Curly quotes in text without Chinese: the font's quotes are full-width (as Chinese sets them), which
 * in English reads "‘AI system’ means" with a gap on each side; its proportional forms (OpenType `pwid`)
 * are drawn instead. Lines are measured with the full-width advances, so a line never grows when drawn.
 */
const QUOTES = /[\u2018\u2019\u201C\u201D]/;
const HAN_OR_FULL_WIDTH = /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]|[\u{20000}-\u{3134F}]/u;
export const latinQuotes = (text: string): boolean => QUOTES.test(text) && !HAN_OR_FULL_WIDTH.test(text);

function drawOp(pdf: PDFKit.PDFDocument, op: Op, left: number, top: number) {
  {
    if (op.kind === 'text') {
      // Bold: the regular glyphs filled and stroked with a line 4.5% of the size (about weight 700).
      const bold = op.font === 'bold';
      pdf.font('text').fontSize(op.size).fillColor(op.color);
      if (bold) pdf.strokeColor(op.color).lineWidth(op.size * 0.045);
      const options: DrawTextOptions = { lineBreak: false, baseline: 'alphabetic', stroke: bold, fill: true, textWidth: 0, wordCount: 0, ...(latinQuotes(op.text) ? { features: ['pwid'] } : {}) };
      pdf.text(op.text, left + op.x, top + op.baseline, options);
    } else if (op.kind === 'rect') {
      pdf.rect(left + op.x, top + op.y, op.w, op.h);
      if (op.fill) pdf.fill(op.fill);
      else pdf.lineWidth(0.9).stroke(op.border ?? INK);
    } else {
      pdf.moveTo(left + op.x1, top + op.y1).lineTo(left + op.x2, top + op.y2).lineWidth(op.width).stroke(op.color);
    }
  }
}

/** The PDF file of a document. */
export async function renderPdf(doc: PrintedDocument, assets: PdfAssets): Promise<Uint8Array> {
  const when = new Date(`${doc.meta.date}T00:00:00Z`);
  // Info is fixed by the document (no clock), so the same document gives the same file.
  const pdf = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    compress: true,
    lang: doc.lang,
    displayTitle: true,
    pdfVersion: '1.7',
    // Tagged (structure tree, reading order, language) and archival (PDF/A-2b: fonts embedded, sRGB
    // output intent, XMP metadata), as PDFKit makes them.
    tagged: true,
    subset: 'PDF/A-2b',
    info: {
      Title: doc.meta.title,
      ...(doc.meta.author ? { Author: doc.meta.author } : {}),
      Subject: doc.meta.subject,
      Keywords: doc.meta.keywords.join('; '),
      Creator: doc.meta.creator,
      Producer: 'PDFKit',
      CreationDate: when,
      ModDate: when,
    },
  });
  const chunks: Uint8Array[] = [];
  pdf.on('data', (c: Uint8Array) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    pdf.on('end', resolve);
    pdf.on('error', reject);
  });
  const font = sharedFont(assets.font);
  font.register(pdf, 'text');
  const ts = new Typesetter(font);

  // Lay out; where characters were replaced, say so once, at the end.
  const lines = ts.blocks(doc.blocks);
  if (ts.replaced) lines.push(ts.space(10), ...ts.paragraph(doc.fallbackNote, 'muted', 0, false, CONTENT_WIDTH, ts.tag('P')));
  const pages = paginate(lines);

  // Draw the pages, with bookmarks at the headings; then the running header and "page n of N".
  const header = ts.clean(doc.header);
  const footer = ts.clean(doc.footer);
  let chapter: PDFKit.PDFOutline | undefined;
  const structure = new Structure(pdf, ts.tags);
  for (const placed of pages) {
    pdf.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
    for (const { line, top } of placed.lines) {
      drawOps(pdf, line.ops, MARGIN.left, MARGIN.top + top, structure);
      if (line.outline?.level === 1 || (line.outline && !chapter)) chapter = pdf.outline.addItem(line.outline.title, { expanded: false });
      else if (line.outline) chapter!.addItem(line.outline.title);
    }
  }
  const small = 7.5;
  const fit = (s: string, width: number) => {
    if (ts.measure(small, s) <= width) return s;
    const chars = [...s];
    while (chars.length && ts.measure(small, `${chars.join('')}…`) > width) chars.pop();
    return `${chars.join('')}…`;
  };
  const furniture: Op[][] = pages.map((_, index) => {
    const label = doc.pageLabel(index + 1, pages.length);
    const labelWidth = ts.measure(small, label);
    const text = (t: string, x: number, baseline: number): Op => ({ kind: 'text', x, baseline, text: t, font: 'regular', size: small, color: MUTED });
    const rule = (y: number): Op => ({ kind: 'line', x1: 0, y1: y, x2: CONTENT_WIDTH, y2: y, color: RULE, width: 0.5 });
    return [
      ...(index > 0 ? [text(fit(header, CONTENT_WIDTH), 0, 36), rule(42)] : []),
      rule(PAGE.height - 40),
      text(label, CONTENT_WIDTH - labelWidth, PAGE.height - 28),
      text(fit(footer, CONTENT_WIDTH - labelWidth - 16), 0, PAGE.height - 28),
    ];
  });
  furniture.forEach((ops, index) => {
    pdf.switchToPage(index);
    drawOps(pdf, ops, MARGIN.left, 0, structure, 'Pagination');
  });
  structure.end();
  pdf.end();
  await ended;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
