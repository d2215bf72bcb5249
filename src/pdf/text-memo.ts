/**
 * Typesetting remembered across the PDFs of a process, per font: the drawable form of a text and the
 * lines of a paragraph at a size and width. A batch repeats the same statute, duty and answer text in
 * every PDF, and both are pure functions of their inputs (text.ts), so remembering them changes no
 * document. Bounded: past a number of entries, they are dropped and collected again.
 */
import { memoOn } from '../engine';
import type { SharedFont } from './shared-font';
import { type CleanText, drawableText, wrapText } from './text';

const MAX_ENTRIES = 50_000;

class Memo<V> {
  private values = new Map<string, V>();
  get(key: string, make: () => V): V {
    let v = this.values.get(key);
    if (v === undefined) {
      v = make();
      if (this.values.size >= MAX_ENTRIES) this.values.clear();
      this.values.set(key, v);
    }
    return v;
  }
}

export class TextMemo {
  private cleaned = new Memo<CleanText>();
  private wrapped = new Memo<readonly string[]>();

  constructor(private font: SharedFont) {}

  /** `drawableText` with the font's coverage. */
  clean(text: string): CleanText {
    return this.cleaned.get(text, () => drawableText(text, this.font));
  }

  /** `wrapText` measured with the font at `size` (callers must not change the lines). */
  wrap(text: string, width: number, size: number): readonly string[] {
    return this.wrapped.get(`${size} ${width} ${text}`, () => wrapText(text, width, (s) => this.font.width(size, s)));
  }
}

export const textMemo: (font: SharedFont) => TextMemo = memoOn((font: SharedFont) => new TextMemo(font));
