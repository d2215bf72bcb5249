/**
 * The PDF font's common part (pdf-font-parts.ts), as the build ships it: a standalone font, well under
 * 2 MB, that draws every character of the rule set and of the app's strings in both languages and the
 * commonly used Chinese characters, with the full font's glyphs, advances and layouts — and lacks the
 * rare characters, so that a document with one needs the full font.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { fontParts } from '../testing/font-parts';
import { projectRules } from '../testing/fixtures';
import { CodePointSet } from '../pdf/coverage';
import { loadPdfAssets } from './pdf-assets';
import { COMMON_BLOCKS, gb2312Level1 } from './pdf-font-parts';

const LOCALES = resolve(import.meta.dirname, '../i18n/locales');
const open = (bytes: Uint8Array) => fontkit.create(bytes as Buffer) as fontkit.Font;

/** Every string in a value (objects, arrays, maps, sets), keys included. */
function stringsIn(v: unknown, out: string[] = [], seen = new Set<unknown>()): string[] {
  if (typeof v === 'string') out.push(v);
  else if (v && typeof v === 'object' && !seen.has(v)) {
    seen.add(v);
    const entries = v instanceof Map ? [...v] : Array.isArray(v) || v instanceof Set ? [...v].map((x) => ['', x]) : Object.entries(v);
    for (const [k, x] of entries) {
      stringsIn(k, out, seen);
      stringsIn(x, out, seen);
    }
  }
  return out;
}

describe('GB 2312 level 1, decoded', () => {
  it('is the 3,755 characters from 啊 to 座, all CJK unified ideographs', () => {
    const chars = gb2312Level1();
    expect(chars).toHaveLength(3755);
    expect(new Set(chars).size).toBe(3755);
    expect([chars[0], chars[1], chars[3754]]).toEqual(['啊', '阿', '座']);
    for (const c of chars) expect(c.length === 1 && c >= '\u4e00' && c <= '\u9fff', c).toBe(true);
  });
});

describe('the common part', async () => {
  const { common, fullCoverage } = await fontParts();
  const full = open(loadPdfAssets().font);
  const part = open(common);
  /** Characters of `texts` the full font draws and the common part does not. */
  const lacking = (texts: string[]) => [...new Set(texts.flatMap((s) => [...s]))].filter((c) => full.hasGlyphForCodePoint(c.codePointAt(0)!) && !part.hasGlyphForCodePoint(c.codePointAt(0)!));

  it('is a standalone TrueType font well under 2 MB, with its character map and layout tables', () => {
    expect(common.length).toBeLessThan(1_500_000);
    for (const table of ['cmap', 'glyf', 'hmtx', 'GSUB', 'GPOS', 'OS/2', 'name', 'post']) expect(Object.keys((part as unknown as { directory: { tables: object } }).directory.tables)).toContain(table);
    expect(part.postscriptName).toBe(full.postscriptName);
    expect(part.unitsPerEm).toBe(full.unitsPerEm);
  });

  it('draws every character of the rule set and of the app strings, in both languages', () => {
    const rules = stringsIn(projectRules());
    expect(rules.join('')).toMatch(/[\u4e00-\u9fff]/); // the Chinese texts are there
    expect(rules.join('')).toMatch(/Article/);
    expect(lacking(rules)).toEqual([]);
    const locales = readdirSync(LOCALES).flatMap((lang) => readdirSync(join(LOCALES, lang)).flatMap((f) => stringsIn(JSON.parse(readFileSync(join(LOCALES, lang, f), 'utf8')))));
    expect(locales.length).toBeGreaterThan(500);
    expect(lacking(locales)).toEqual([]);
  });

  it('draws the common Chinese characters, Latin and punctuation, and the stand-in', () => {
    expect(lacking(gb2312Level1())).toEqual([]);
    const blocks = COMMON_BLOCKS.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => String.fromCodePoint(a + i)));
    expect(lacking(blocks)).toEqual([]);
    for (const c of 'Aé€—…“”、。，（）：□？') expect(part.hasGlyphForCodePoint(c.codePointAt(0)!), c).toBe(true);
  });

  it('lacks the rare characters, which the full font has (so a document with one needs it)', () => {
    for (const c of '鬱龘囍喆') {
      expect(full.hasGlyphForCodePoint(c.codePointAt(0)!), c).toBe(true);
      expect(part.hasGlyphForCodePoint(c.codePointAt(0)!), c).toBe(false);
    }
    expect(full.characterSet.length).toBeGreaterThan(part.characterSet.length * 5);
  });

  it('gives the same glyphs, advances and positions as the full font for every rule text', () => {
    const texts = [...new Set(stringsIn(projectRules()))].filter(Boolean);
    const shape = (f: fontkit.Font, s: string) => {
      const run = f.layout(s);
      return JSON.stringify([run.glyphs.map((g) => g.codePoints), run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset])]);
    };
    const differ = texts.filter((s) => shape(part, s) !== shape(full, s));
    expect(texts.length).toBeGreaterThan(1000);
    expect(differ.slice(0, 3)).toEqual([]);
  });

  it("ships the full font's character map exactly", () => {
    const set = new CodePointSet(fullCoverage);
    expect(set.size).toBe(full.characterSet.length);
    for (const cp of full.characterSet) expect(set.has(cp)).toBe(true);
    for (const c of ['가', '𠀋', '🙂', '\u0600']) expect(set.has(c.codePointAt(0)!), c).toBe(false);
    expect(fullCoverage.length).toBeLessThan(4000);
  });
});
