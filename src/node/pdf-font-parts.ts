/**
 * The PDF font cut in two for the browser (src/pdf/fonts.ts says how a document chooses): the build
 * (vite.config.ts, pdfFontPlugin) emits the common part made here next to the full font, and ships the
 * full font's character map as data. Node only: the subset is made by harfbuzz's subsetter (the
 * `subset-font` package, WebAssembly), which writes a standalone font — character map, glyph outlines,
 * metrics and the layout tables (GSUB, GPOS) for the characters kept — where fontkit's own subsetter
 * writes only what a PDF embeds (no character map, no layout tables).
 *
 * The common part holds, where the font has them:
 * - every character of the rule files (rules/, both languages: questions, duties, statute texts, the
 *   examples) and of the app's strings (src/i18n/locales/, both languages), and the literals of the
 *   code that writes the document (src/document, src/report, src/pdf, src/lib);
 * - the commonly used Chinese characters: GB 2312 level 1, 3,755 characters, decoded from their
 *   GB 2312 codes (rows 0xB0–0xD7) by the platform's GB 18030 decoder;
 * - ASCII, Latin-1 and Latin Extended-A, combining accents, general punctuation, super- and subscripts, currency and
 *   letter-like symbols, number forms, arrows, mathematical operators, enclosed numbers, geometric
 *   shapes and ballot boxes (□, the stand-in for a missing character), CJK symbols and punctuation,
 *   full-width forms.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as fontkit from 'fontkit';
import subsetFont from 'subset-font';
import { parse } from 'yaml';
import { encodeCodePoints } from '../pdf/coverage';

const ROOT = resolve(import.meta.dirname, '../..');

/** Blocks kept whole (inclusive ranges), where the font has them. */
export const COMMON_BLOCKS: readonly (readonly [number, number])[] = [
  [0x0020, 0x007e], // ASCII
  [0x00a0, 0x00ff], // Latin-1 Supplement
  [0x0100, 0x017f], // Latin Extended-A (European names)
  [0x0300, 0x036f], // Combining Diacritical Marks (text typed decomposed)
  [0x2000, 0x206f], // General Punctuation
  [0x2070, 0x209f], // Superscripts and Subscripts
  [0x20a0, 0x20cf], // Currency Symbols
  [0x2100, 0x214f], // Letterlike Symbols
  [0x2150, 0x218f], // Number Forms
  [0x2190, 0x21ff], // Arrows
  [0x2200, 0x22ff], // Mathematical Operators
  [0x2460, 0x24ff], // Enclosed Alphanumerics
  [0x25a0, 0x25ff], // Geometric Shapes (□)
  [0x2610, 0x2612], // Ballot boxes
  [0x3000, 0x303f], // CJK Symbols and Punctuation
  [0xff00, 0xffef], // Halfwidth and Fullwidth Forms
];

/** The 3,755 characters of GB 2312 level 1 (rows 16–55: bytes 0xB0A1–0xD7F9), in GB 2312 order. */
export function gb2312Level1(): string[] {
  const decoder = new TextDecoder('gb18030', { fatal: true });
  const chars: string[] = [];
  for (let hi = 0xb0; hi <= 0xd7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      if (hi === 0xd7 && lo > 0xf9) break; // row 55 has 89 characters
      chars.push(decoder.decode(new Uint8Array([hi, lo])));
    }
  }
  return chars;
}

const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

/** The files whose characters go into the common part (see the top of this file). */
export function commonTextFiles(root = ROOT): string[] {
  return [
    ...walk(join(root, 'rules')).filter((f) => f.endsWith('.yaml') || f.endsWith('.json')),
    ...walk(join(root, 'src/i18n/locales')).filter((f) => f.endsWith('.json')),
    ...['document', 'report', 'pdf', 'lib'].flatMap((d) => walk(join(root, 'src', d)).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))),
  ].sort();
}

/** The code points asked for in the common part (sorted); the font may lack some (they stay out). */
export function commonCodePoints(root = ROOT): number[] {
  const cps = new Set<number>();
  const add = (s: string) => {
    for (const ch of s) cps.add(ch.codePointAt(0)!);
  };
  // The files as written, and their strings as parsed (so an escape such as "\u2014" counts as "—").
  const strings = (v: unknown): void => {
    if (typeof v === 'string') add(v);
    else if (Array.isArray(v)) v.forEach(strings);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        add(k);
        strings(x);
      }
    }
  };
  for (const f of commonTextFiles(root)) {
    const text = readFileSync(f, 'utf8');
    add(text);
    if (f.endsWith('.json')) strings(JSON.parse(text));
    else if (f.endsWith('.yaml')) strings(parse(text));
  }
  for (const ch of gb2312Level1()) add(ch);
  for (const [a, b] of COMMON_BLOCKS) for (let cp = a; cp <= b; cp++) cps.add(cp);
  return [...cps].filter((cp) => cp >= 0x20 && !(cp >= 0x7f && cp < 0xa0)).sort((a, b) => a - b);
}

/** The code points a font's character map covers. */
export function fontCodePoints(bytes: Uint8Array): number[] {
  return (fontkit.create(bytes as Buffer) as fontkit.Font).characterSet;
}

/** The common part of `full`: a standalone TrueType font of those of `codePoints` that `full` has. */
export async function commonPart(full: Uint8Array, codePoints: readonly number[]): Promise<Uint8Array> {
  const font = fontkit.create(full as Buffer) as fontkit.Font;
  const kept = codePoints.filter((cp) => font.hasGlyphForCodePoint(cp));
  const out = await subsetFont(Buffer.from(full.buffer, full.byteOffset, full.byteLength), String.fromCodePoint(...kept), { targetFormat: 'truetype' });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

export interface FontParts {
  common: Uint8Array;
  /** The full font's character map, written by `encodeCodePoints`. */
  fullCoverage: string;
}

/** The two parts of `full` (the project's PDF font, src/node/pdf-assets.ts), as the build ships them. */
export async function makeFontParts(full: Uint8Array, root = ROOT): Promise<FontParts> {
  return { common: await commonPart(full, commonCodePoints(root)), fullCoverage: encodeCodePoints(fontCodePoints(full)) };
}
