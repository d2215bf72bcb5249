/**
 * Which font file a document is drawn with, chosen before it is rendered. The browser has the font in
 * two parts (built by vite.config.ts from src/node/pdf-font-parts.ts): the **common part**, a
 * standalone TrueType font of about 1.2 MB with every character of the rule texts and the app's
 * strings in both languages, the 3,755 commonly used Chinese characters, Latin and punctuation; and
 * the **full font** (10.5 MB), fetched only for a document with a character the common part lacks and
 * the full font has. A character neither has is drawn with the stand-in either way (text.ts), so it
 * fetches nothing.
 *
 * The choice is never wrong: every text the renderer draws is run through `drawableText` (as the
 * renderer does) with the common part's coverage, and every code point that asks about is checked.
 * When none is in the full font but not the common part, drawing with the full font would take the
 * same steps and give the same text; and the common part has the same glyph outlines, advances and
 * layout tables for those characters (harfbuzz's subsetter keeps them), so the document reads and
 * looks the same. (It may fetch the full font for a character asked about and then not drawn, never
 * the reverse.)
 */
import type { PrintedDocument } from '../document/blocks';
import type { PdfAssets } from './render';
import { sharedFont } from './shared-font';
import { type Coverage, drawableText } from './text';

/** The font in two parts, as the browser has it. */
export interface PdfFonts {
  /** The common part (a TrueType font). */
  common: Uint8Array;
  /** The full font, fetched (or read) when a document needs it. */
  full: () => Promise<Uint8Array>;
  /** Which code points the full font draws (its character map). */
  fullCoverage: Coverage;
}

/**
 * Every piece of text in a document: every string in it, whatever block or field holds it (a superset
 * of what the renderer draws, so a block type or field added later is covered without a change here;
 * what is not drawn — the type and style names, the metadata — is ASCII or repeats drawn text), the
 * page labels ("Page n of N": digits and the words around them) and the renderer's own "…" and "—".
 */
export function drawnTexts(doc: PrintedDocument): string[] {
  const out: string[] = ['…', '—', doc.pageLabel(1, 1), doc.pageLabel(1234567890, 1234567890)];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(doc);
  return out;
}

/**
 * The code points the document's text needs from the full font: those the drawing of its text asks
 * about that the full font has and `common` lacks (sorted; none when the common part is enough).
 */
export function missingFromCommon(doc: PrintedDocument, common: Coverage, full: Coverage): number[] {
  const asked = new Set<number>();
  const recording: Coverage = {
    has: (cp) => {
      asked.add(cp);
      return common.has(cp);
    },
  };
  for (const text of drawnTexts(doc)) drawableText(text, recording);
  return [...asked].filter((cp) => !common.has(cp) && full.has(cp)).sort((a, b) => a - b);
}

/** The font file to draw `doc` with: the common part when it is enough, else the full font. */
export async function fontFor(doc: PrintedDocument, fonts: PdfFonts): Promise<PdfAssets> {
  const needed = missingFromCommon(doc, sharedFont(fonts.common), fonts.fullCoverage);
  return { font: needed.length ? await fonts.full() : fonts.common };
}
