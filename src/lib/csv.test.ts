import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, csvDocument, csvLine } from './csv';

describe('csvCell', () => {
  it('neutralises every cell that starts like a formula, whatever else it holds', () => {
    for (const c of ['=1+1', '+cmd|x', '-2+3', '@SUM(A1)', '\tx', '\rx', '\nx', '=HYPERLINK("http://evil.example/","Open\nreport")', '=A1\u0000']) {
      const out = csvCell(c);
      const cell = (Papa.parse<string[]>(out, { newline: '\r\n', delimiter: ',' }).data as string[][])[0]![0];
      expect(cell, JSON.stringify(c)).toBe(`'${c}`);
    }
  });
  it('leaves ordinary text, numbers and Chinese alone', () => {
    expect(csvCell('Acme 上海')).toBe('Acme 上海');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('a=b')).toBe('a=b');
  });
  it('quotes commas, quotes, line breaks and edge spaces', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded ')).toBe('" padded "');
  });
  it('round-trips any text through a CSV parser, and no parsed cell starts like a formula', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const width = rows[0]!.length;
        const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
        const doc = csvDocument(table[0]!.map((_, i) => `c${i}`), table);
        expect(doc.startsWith(CSV_BOM)).toBe(true);
        const parsed = Papa.parse<string[]>(doc.slice(1), { newline: '\r\n', delimiter: ',' }).data.slice(1, -1) as string[][];
        expect(parsed).toHaveLength(table.length);
        parsed.forEach((r, i) =>
          r.forEach((cell, j) => {
            expect(cell).not.toMatch(/^[=+\-@\t\r\n]/);
            const original = table[i]![j]!;
            expect(cell).toBe(/^[=+\-@\t\r\n]/.test(original) ? `'${original}` : original);
          }),
        );
      }),
      { numRuns: 2000 },
    );
  });
  it('ends each record with CRLF', () => {
    expect(csvLine(['a', 1])).toBe('a,1\r\n');
  });
});
