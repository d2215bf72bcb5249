/** The compact code point sets (coverage.ts): what is written is what is read, for any set. */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { CodePointSet, encodeCodePoints } from './coverage';

it('reads back exactly the code points written, for any set', () => {
  const cp = fc.oneof(fc.integer({ min: 0, max: 0x2ff }), fc.integer({ min: 0x4e00, max: 0x4f00 }), fc.integer({ min: 0, max: 0x10ffff }));
  fc.assert(
    fc.property(fc.array(cp, { maxLength: 300 }), fc.array(cp, { maxLength: 100 }), (written, probes) => {
      const set = new Set(written);
      const read = new CodePointSet(encodeCodePoints(written));
      expect(read.size).toBe(set.size);
      for (const p of [...written, ...probes, ...written.map((c) => c + 1), ...written.map((c) => c - 1)]) expect(read.has(p)).toBe(set.has(p));
    }),
    { numRuns: 500 },
  );
});

it('writes runs compactly and refuses a damaged list', () => {
  expect(encodeCodePoints([0x41, 0x42, 0x43, 0x20])).toBe('w,0,w,2'); // 0x20 alone; 0x41–0x43 after 32 missing
  expect(encodeCodePoints([])).toBe('');
  expect(new CodePointSet('').has(0)).toBe(false);
  expect(() => new CodePointSet('1,2,3')).toThrow(/odd/);
  expect(() => new CodePointSet('1,-')).toThrow(/bad field/);
});
