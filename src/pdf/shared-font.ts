/**
 * The PDF font, parsed once per font file and shared by every PDF a process makes (a batch on the
 * command line, repeated downloads in a browser tab). Per document, PDFKit would parse the 10.5 MB
 * file again (fontkit decodes its tables as they are used), shape every word again through its
 * OpenType tables, and decode the outline of every glyph it embeds again. Here PDFKit is handed the
 * parsed font (it accepts a fontkit font in place of the file), and each document's PDFKit font object
 * gets the layouts made for earlier documents: per word (PDFKit's own cache) and per line of text.
 *
 * What keeps one document from changing another (the same document gives the same bytes, whatever
 * was made before it; checked against the files of the unshared code, see checklist-pdf.test.ts):
 * - fontkit keeps one glyph object per glyph id, holding the code points it was first asked for, and
 *   PDFKit copies those into the document's ToUnicode map (what a reader extracts as text). Several
 *   characters share a glyph in this font ("·" and "•", a space and a no-break space), so a shared
 *   font would let one document decide how another's text extracts. Here a glyph object is kept per
 *   id *and* code points, as fontkit documents `getGlyph`; shaping is then a function of the text.
 * - Layouts are not changed once made: PDFKit scales a word's positions when it makes its layout,
 *   then only reads layouts (it copies before adding word spacing, which these PDFs do not use).
 * - What is per document stays in PDFKit's per-document font object: the subset (which glyphs are
 *   embedded, under which ids), the widths and the ToUnicode entries.
 *
 * The sharing goes through two fields of PDFKit 0.20's per-document font object (`layoutCache`,
 * `layout`) and one of fontkit 2's glyphs (`_decode`); each is used only where it is found, so
 * without them documents come out the same, only slower.
 */
import * as fontkit from 'fontkit';
import { memoOn } from '../engine';

/**
 * Layouts kept (words, lines of text); past this, a cache starts again empty: a batch's text recurs,
 * one-offs go. About 30 MB at most, for a browser tab as much as for a batch.
 */
const MAX_WORDS = 50_000;
const MAX_LINES = 20_000;

/** What PDFKit's per-document font object returns for a piece of text (read only, see above). */
type TextLayout = object;
/** The parts of PDFKit's per-document font object used here. */
interface PdfkitFont {
  layoutCache?: Record<string, unknown>;
  layout?: (text: string, features?: unknown, onlyWidth?: boolean) => TextLayout;
}

/** The font for these bytes, parsed on first use (per bytes object). */
export const sharedFont: (bytes: Uint8Array) => SharedFont = memoOn((bytes: Uint8Array) => new SharedFont(bytes));

export class SharedFont {
  private font: fontkit.Font;
  readonly unitsPerEm: number;
  /** Basic Multilingual Plane lookups, -1 until asked: covered (1/0), advance width. */
  private coveredBmp = new Int8Array(0x10000).fill(-1);
  private advancesBmp = new Int32Array(0x10000).fill(-1);
  private astral = new Map<number, { covered: boolean; advance?: number }>();
  /** PDFKit's word layouts, shared by the documents; counted as fontkit shapes them. */
  private words: Record<string, unknown> = Object.create(null);
  private shaped = 0;
  /** Layouts of whole pieces of text as drawn (a line, a heading). */
  private lines = new Map<string, TextLayout>();

  constructor(bytes: Uint8Array) {
    this.font = fontkit.create(bytes as Buffer) as fontkit.Font;
    this.unitsPerEm = this.font.unitsPerEm;
    glyphsPerCodePoints(this.font);
    const layout = this.font.layout.bind(this.font);
    this.font.layout = (...args) => {
      this.shaped++;
      return layout(...args);
    };
  }

  /** Whether the font draws the code point. */
  has(cp: number): boolean {
    if (cp < 0x10000) {
      let v = this.coveredBmp[cp]!;
      if (v < 0) this.coveredBmp[cp] = v = this.font.hasGlyphForCodePoint(cp) ? 1 : 0;
      return v === 1;
    }
    let a = this.astral.get(cp);
    if (!a) this.astral.set(cp, (a = { covered: this.font.hasGlyphForCodePoint(cp) }));
    return a.covered;
  }

  /**
   * Width of `s` at `size`: the sum of its characters' advances. PDFKit draws text shaped (kerning,
   * ligatures), which only ever narrows Latin text in this font, so a line that fits when measured
   * this way fits when drawn; and it is ten times faster than shaping every piece.
   */
  width(size: number, s: string): number {
    let units = 0;
    for (let i = 0; i < s.length; i++) {
      let cp = s.charCodeAt(i);
      if (cp >= 0xd800 && cp <= 0xdbff) cp = s.codePointAt(i++)!;
      units += this.advance(cp);
    }
    return (units * size) / this.unitsPerEm;
  }

  /** Advance width of the code point's glyph (the .notdef glyph where there is none), in font units. */
  private advance(cp: number): number {
    if (cp < 0x10000) {
      let w = this.advancesBmp[cp]!;
      if (w < 0) this.advancesBmp[cp] = w = this.font.glyphForCodePoint(cp).advanceWidth;
      return w;
    }
    this.has(cp);
    const a = this.astral.get(cp)!;
    return (a.advance ??= this.font.glyphForCodePoint(cp).advanceWidth);
  }

  /** Registers the font with a new PDFKit document under `name`, as its current font, with the layouts made so far. */
  register(pdf: PDFKit.PDFDocument, name: string): void {
    if (this.shaped > MAX_WORDS) {
      this.words = Object.create(null);
      this.shaped = 0;
    }
    if (this.lines.size > MAX_LINES) this.lines.clear();
    pdf.registerFont(name, this.font as unknown as Buffer); // @types/pdfkit knows only files
    pdf.font(name);
    const embedded = (pdf as unknown as { _font?: PdfkitFont })._font;
    if (!embedded) return;
    if (embedded.layoutCache) embedded.layoutCache = this.words;
    const layout = embedded.layout?.bind(embedded);
    if (!layout) return;
    const lines = this.lines;
    // PDFKit lays out every piece of text twice (to draw it, then to move past it), word by word.
    embedded.layout = (text, features, onlyWidth) => {
      // A line drawn with OpenType features (render.ts: proportional quotes) is kept apart from the same text without.
      const key = Array.isArray(features) && features.length ? `${features.join(',')}\u0000${text}` : features ? undefined : text;
      if (key === undefined) return layout(text, features, onlyWidth);
      let l = lines.get(key);
      if (!l) lines.set(key, (l = layout(text, features)));
      return l;
    };
  }
}

type GlyphClass = new (id: number, codePoints: number[], font: fontkit.Font) => fontkit.Glyph;

const sameCodes = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((c, i) => c === b[i]);

/**
 * Makes `font.getGlyph(id, codePoints)` return a glyph holding those code points, not the ones the id
 * was first asked for. fontkit's own glyph objects are kept; another object of the same class is made
 * for other code points (rare: shared glyphs, ligatures). A glyph's decoded outline, which a document's
 * subset reads for every glyph it embeds, is decoded once (a font without variations never changes it).
 */
function glyphsPerCodePoints(font: fontkit.Font) {
  const fontkitGlyph = font.getGlyph.bind(font);
  const byId = new Map<number, fontkit.Glyph[]>();
  const fixed = !(font as unknown as { _variationProcessor?: unknown })._variationProcessor;
  font.getGlyph = (id: number, codePoints: number[] = []) => {
    const known = byId.get(id);
    if (known) for (const g of known) if (sameCodes(g.codePoints, codePoints)) return g;
    let g = fontkitGlyph(id, codePoints);
    if (!g) return g;
    if (!sameCodes(g.codePoints, codePoints)) g = new (g.constructor as GlyphClass)(id, codePoints, font);
    if (fixed) decodeOnce(g);
    if (known) known.push(g);
    else byId.set(id, [g]);
    return g;
  };
}

function decodeOnce(glyph: fontkit.Glyph) {
  const g = glyph as unknown as { _decode?: () => unknown };
  const decode = g._decode;
  if (typeof decode !== 'function') return;
  let decoded: unknown;
  let done = false;
  g._decode = () => {
    if (!done) {
      decoded = decode.call(glyph);
      done = true;
    }
    return decoded;
  };
}
