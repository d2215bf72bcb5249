/**
 * A set of code points written compactly, for a font's character map shipped as data: the sorted
 * code points as runs, each run its distance from the end of the previous one and its length less one,
 * in base 36 ("1y,0,4,2,…"). The full PDF font's 30,890 characters are 448 runs, about 2 KB.
 */
/** The runs of `codePoints` (sorted or not, repeats allowed), written as above. */
export function encodeCodePoints(codePoints: Iterable<number>): string {
  const cps = [...new Set(codePoints)].sort((a, b) => a - b);
  const out: string[] = [];
  let end = -1; // last code point of the previous run
  for (let i = 0; i < cps.length; ) {
    let j = i;
    while (j + 1 < cps.length && cps[j + 1] === cps[j]! + 1) j++;
    out.push((cps[i]! - end - 1).toString(36), (j - i).toString(36));
    end = cps[j]!;
    i = j + 1;
  }
  return out.join(',');
}

/** The code points `encodeCodePoints` wrote, asked one at a time (binary search over the runs). */
export class CodePointSet {
  /** Run starts and ends (inclusive), ascending. */
  private starts: Uint32Array;
  private ends: Uint32Array;

  constructor(encoded: string) {
    const parts = encoded ? encoded.split(',') : [];
    if (parts.length % 2) throw new Error('code point runs: odd number of fields');
    this.starts = new Uint32Array(parts.length / 2);
    this.ends = new Uint32Array(parts.length / 2);
    let end = -1;
    for (let k = 0; k < parts.length; k += 2) {
      const gap = parseInt(parts[k]!, 36);
      const len = parseInt(parts[k + 1]!, 36);
      if (!(gap >= 0 && len >= 0)) throw new Error(`code point runs: bad field near ${k}`);
      const start = end + 1 + gap;
      end = start + len;
      this.starts[k / 2] = start;
      this.ends[k / 2] = end;
    }
  }

  has(cp: number): boolean {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (cp < this.starts[mid]!) hi = mid - 1;
      else if (cp > this.ends[mid]!) lo = mid + 1;
      else return true;
    }
    return false;
  }

  /** How many code points the set holds. */
  get size(): number {
    let n = 0;
    for (let i = 0; i < this.starts.length; i++) n += this.ends[i]! - this.starts[i]! + 1;
    return n;
  }
}
