/** Drawable text (stand-ins for what the font lacks) and line breaking, without a font or a PDF. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawableText, FALLBACK_CHAR, wrapText } from './text';

// A font that has ASCII, Latin-1 (with ¹²³), dashes and quotes, CJK ideographs and punctuation, and the stand-in.
const covered = {
  has: (cp: number) =>
    (cp >= 0x20 && cp < 0x7f) || (cp >= 0xa0 && cp <= 0xff) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3000 && cp <= 0x303f) ||
    (cp >= 0xff00 && cp <= 0xffef) || (cp >= 0x2010 && cp <= 0x2027) || cp === 0x25a1,
};
// Monospace-like measure: CJK 10 pt wide, everything else 5.
const measure = (s: string) => [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/u.test(ch) ? 10 : 5), 0);

describe('drawableText', () => {
  it('keeps drawable text as it is', () => {
    expect(drawableText('高风险 AI — Art. 65 ¶2', covered)).toEqual({ text: '高风险 AI — Art. 65 ¶2', replaced: 0 });
  });
  it('draws one stand-in per missing character cluster: emoji, family emoji (ZWJ), flags, a lone surrogate', () => {
    expect(drawableText('Go 🚀!', covered)).toEqual({ text: `Go ${FALLBACK_CHAR}!`, replaced: 1 });
    expect(drawableText('👨‍👩‍👧 team', covered)).toEqual({ text: `${FALLBACK_CHAR} team`, replaced: 1 });
    expect(drawableText('🇨🇳🇪🇺', covered).replaced).toBe(2);
    expect(drawableText('a\ud800b', covered)).toEqual({ text: `a${FALLBACK_CHAR}b`, replaced: 1 });
    expect(drawableText('العربية', covered).text).toBe(FALLBACK_CHAR.repeat(7));
  });
  it('drops invisible marks and control characters, keeps newlines, turns tabs into spaces', () => {
    expect(drawableText('a\u200bb\u00adc\ufeffd\u0000e\u0007f', covered)).toEqual({ text: 'abcdef', replaced: 0 });
    expect(drawableText('❤\ufe0f', covered).text).toBe(FALLBACK_CHAR);
    expect(drawableText('one\ttwo\r\nthree\rfour', covered).text).toBe('one two\nthree\nfour');
  });
  it('uses the compatibility form where it keeps the meaning', () => {
    expect(drawableText('10²⁵ FLOPs', covered).text).toBe('10^25 FLOPs');
    expect(drawableText('10² m', covered).text).toBe('10² m');
    expect(drawableText('H₂O', covered).text).toBe('H_2O');
    expect(drawableText('ﬁle', covered).text).toBe('file');
  });
  it('composes decomposed accents (NFD input) before checking', () => {
    expect(drawableText('Cafe\u0301', covered).text).toBe('Café');
  });
});

describe('wrapText', () => {
  it('breaks English between words and Chinese between characters, never before 。 or after （', () => {
    expect(wrapText('the quick brown fox jumps', 50, measure)).toEqual(['the quick', 'brown fox', 'jumps']);
    const zh = wrapText('高风险的人工智能产品和服务应当实行清单式管理。', 100, measure);
    expect(zh.join('')).toBe('高风险的人工智能产品和服务应当实行清单式管理。');
    for (const line of zh) {
      expect(measure(line)).toBeLessThanOrEqual(100);
      expect(line.startsWith('。')).toBe(false);
    }
    expect(wrapText('一二三四五六七八（九）', 90, measure).some((l) => l.endsWith('（'))).toBe(false);
  });
  it('cuts a word longer than the line between characters', () => {
    expect(wrapText('W'.repeat(25), 50, measure)).toEqual(['W'.repeat(10), 'W'.repeat(10), 'W'.repeat(5)]);
  });
  it('keeps explicit line breaks, including empty lines', () => {
    expect(wrapText('a\n\nb', 100, measure)).toEqual(['a', '', 'b']);
    expect(wrapText('', 100, measure)).toEqual([]);
  });
  it('for any text: every line fits (or is one character), and no visible character is lost', () => {
    const piece = fc.oneof(fc.constantFrom('高', '风', '险', '。', '（', '）', '，', ' ', '\n', '-', '/'), fc.string({ unit: 'grapheme-ascii', maxLength: 12 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 10, max: 200 }), (pieces, width) => {
        const text = pieces.join('');
        const lines = wrapText(text, width, measure);
        for (const line of lines) expect(measure(line) <= width || [...line].length === 1).toBe(true);
        expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }),
      { numRuns: 500 },
    );
  });
});
