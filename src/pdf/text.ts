/**
 * Text made drawable: characters the embedded font lacks become a visible stand-in instead of an
 * error, and paragraphs are broken into lines that fit a width. Pure: the font comes in as a set of
 * code points and a measuring function, so this runs (and is tested) without a PDF library.
 */
import LineBreaker from 'linebreak';

/** Drawn for a character the font has no glyph for (emoji, rare scripts). */
export const FALLBACK_CHAR = '□';
/** Drawn where even the stand-in is missing from the font. */
const LAST_RESORT = '?';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Invisible code points that shape or direct their neighbours but draw nothing: joiners, variation
 * selectors, bidi controls, tags, the byte-order mark, the soft hyphen. Dropped rather than boxed.
 */
export function isIgnorable(cp: number): boolean {
  return (
    cp === 0x00ad || cp === 0x034f || cp === 0x061c || cp === 0x180e ||
    (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2060 && cp <= 0x206f) ||
    cp === 0xfeff || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0000 && cp <= 0xe0fff)
  );
}

/** Which code points the font can draw. */
export interface Coverage {
  has(cp: number): boolean;
}

export interface CleanText {
  text: string;
  /** How many characters (grapheme clusters) were drawn with the stand-in. */
  replaced: number;
}

const SUPERSCRIPTS = /[\u00b2\u00b3\u00b9\u2070-\u207f]+/g;
const SUBSCRIPTS = /[\u2080-\u209c]+/g;

/**
 * Returns `text` with every character cluster the font cannot draw replaced: by its compatibility
 * form where that keeps the meaning ("10²⁵" as "10^25", "H₂O" as "H_2O", "ﬁ" as "fi"), otherwise by
 * one FALLBACK_CHAR. Tabs become spaces, other control characters (but newlines) and invisible marks
 * are removed, and unpaired surrogates count as undrawable.
 */
export function drawableText(text: string, covered: Coverage): CleanText {
  if (isPlain(text, covered)) return { text, replaced: 0 };
  const fallback = covered.has(FALLBACK_CHAR.codePointAt(0)!) ? FALLBACK_CHAR : LAST_RESORT;
  const drawable = (s: string) => [...s].every((ch) => covered.has(ch.codePointAt(0)!));
  const scripts = (marker: string) => (run: string) => (drawable(run) || !drawable(run.normalize('NFKC')) ? run : `${marker}${run.normalize('NFKC')}`);
  const source = text.normalize('NFC').replace(/\r\n?/g, '\n').replace(SUPERSCRIPTS, scripts('^')).replace(SUBSCRIPTS, scripts('_'));
  let out = '';
  let replaced = 0;
  for (const { segment } of graphemes.segment(source)) {
    let kept = '';
    let missing = false;
    for (const ch of segment) {
      const cp = ch.codePointAt(0)!;
      if (ch === '\n') kept += ch;
      else if (ch === '\t') kept += ' ';
      else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || isIgnorable(cp)) continue;
      else if (cp >= 0xd800 && cp <= 0xdfff) missing = true;
      else if (!covered.has(cp)) missing = true;
      else kept += ch;
    }
    if (!missing) out += kept;
    else {
      const compatible = segment.normalize('NFKC');
      if (compatible !== segment && drawable(compatible)) out += compatible;
      else {
        out += fallback;
        replaced++;
      }
    }
  }
  return { text: out, replaced };
}

/** The common case, checked without segmenting: every character drawable as it stands. */
function isPlain(text: string, covered: Coverage): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) continue;
    // Control characters, surrogates (astral characters: emoji and rare ideographs), invisible marks.
    if (c < 0x20 || (c >= 0xd800 && c <= 0xdfff) || isIgnorable(c) || !covered.has(c)) return false;
  }
  return text === text.normalize('NFC');
}

/** Width of a string in points at the size the caller fixed. */
export type Measure = (s: string) => number;

/**
 * Breaks `text` into lines no wider than `width`: at the break opportunities of the Unicode line
 * breaking algorithm (between words; between Chinese characters, but not before "。" or after "（"),
 * at every newline, and inside a word only when the word alone is wider than the line.
 * Spaces at the end of a line are not drawn. An empty text gives no lines.
 */
export function wrapText(text: string, width: number, measure: Measure): string[] {
  const lines: string[] = [];
  if (!text) return lines;
  const breaker = new LineBreaker(text);
  let line = '';
  let lineWidth = 0;
  let last = 0;
  const push = () => {
    lines.push(line.replace(/[ \n]+$/u, ''));
    line = '';
    lineWidth = 0;
  };
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    const piece = text.slice(last, bk.position);
    last = bk.position;
    const visible = piece.replace(/[ \n]+$/u, '');
    const visibleWidth = measure(visible);
    if (line && lineWidth + visibleWidth > width) push();
    if (!line && visibleWidth > width) {
      // A word longer than a whole line (a URL, a long number): cut it between characters.
      for (const { segment } of graphemes.segment(visible)) {
        const w = measure(segment);
        if (line && lineWidth + w > width) push();
        line += segment;
        lineWidth += w;
      }
      line += piece.slice(visible.length);
      lineWidth += measure(piece.slice(visible.length));
    } else {
      line += piece;
      lineWidth += measure(piece);
    }
    if (bk.required) push();
  }
  if (line) push();
  return lines;
}
