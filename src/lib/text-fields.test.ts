/** Names and texts people typed, and instants: the rules every file, link and stored entry is read by. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatInstant, isCalendarDate, isInstant } from './instants';
import { checkLine, checkText, describeValue, printable, stripLine, stripText } from './text-fields';

describe('one-line names and multi-line texts', () => {
  it('trim, and count the length after trimming', () => {
    expect(checkLine('  Acme  ', 4)).toEqual({ ok: true, value: 'Acme' });
    expect(checkLine(' Acme! ', 4)).toEqual({ ok: false, problem: { kind: 'too_long', length: 5, max: 4 } });
    expect(checkText('\n a\r\nb \n', 10)).toEqual({ ok: true, value: 'a\nb' });
  });

  it('what strip leaves, the checks take, for any text (fast-check)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        expect(checkLine(stripLine(s), Infinity).ok).toBe(true);
        expect(checkText(stripText(s), Infinity).ok).toBe(true);
        // eslint-disable-next-line no-control-regex -- the characters looked for are controls
        expect(printable(s, 1000)).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u2028\u2029]/);
      }),
      { numRuns: 2000 },
    );
  });

  it('name refused characters by code point in messages, and never convert a nested value', () => {
    expect(printable('a\u202Eb\n')).toBe('a<U+202E>b<U+000A>');
    expect(printable('x'.repeat(100), 10)).toBe(`${'x'.repeat(10)}…`);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(describeValue(deep)).toBe('[…]');
    expect(describeValue({ a: 1 })).toBe('{…}');
  });
});

describe('instants', () => {
  it('take real UTC instants and calendar dates only', () => {
    expect(isInstant('2026-05-01T09:30:00Z')).toBe(true);
    expect(isInstant('2028-02-29T23:59:59.999Z')).toBe(true);
    for (const v of ['2026-05-01T25:00:00Z', '2026-02-29T00:00:00Z', '2100-02-29T00:00:00Z', '2026-04-31T00:00:00Z', '2026-05-01T09:30:00+08:00', '1999-12-31T23:59:59Z', 5, null]) {
      expect(isInstant(v), String(v)).toBe(false);
    }
    expect(isInstant('2000-02-29T00:00:00Z')).toBe(true);
    expect(isCalendarDate('2026-11-23')).toBe(true);
    expect(isCalendarDate('2026-11-31')).toBe(false);
  });

  it('format totally: a value no formatter accepts shows a placeholder', () => {
    expect(formatInstant('2026-05-01T25:00:00Z', 'zh-CN')).toBe('—');
    expect(formatInstant(undefined, 'zh-CN')).toBe('—');
    expect(formatInstant({}, 'en', { placeholder: '' })).toBe('');
  });

  it('one date format per language: the date as every date in the app is written, with the local time when asked', () => {
    // Noon UTC is the same calendar day in every time zone a test machine is likely to have.
    expect(formatInstant('2026-05-01T12:00:00Z', 'zh-CN')).toBe('2026年5月1日');
    expect(formatInstant('2026-05-01T12:00:00Z', 'en')).toBe('1 May 2026');
    expect(formatInstant('2026-05-01T12:00:00Z', 'en', { time: true })).toMatch(/^\d{1,2} (April|May) 2026 \d{2}:\d{2}$/);
  });
});
