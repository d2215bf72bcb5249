/**
 * Dates and times read from files and storage: real calendar instants (a regular expression alone lets
 * "2026-02-30T25:00:00Z" through, which no date formatter accepts), and formatting that never throws.
 * Pure.
 */
import type { Lang } from '../engine';
import { formatDate, localIsoDate } from './dates';

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?Z$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Years an assessment can carry: this tool did not exist before 2000, and four digits is what the format holds. */
const MIN_YEAR = 2000;

const daysIn = (y: number, m: number): number => (m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);
const realDate = (y: number, m: number, d: number): boolean => y >= MIN_YEAR && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);

/** An instant as the app writes it: UTC, to the second or finer, that exists on the calendar and the clock. */
export function isInstant(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const m = INSTANT.exec(v);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  return realDate(y, mo, d) && h <= 23 && mi <= 59 && s <= 59;
}

/** A calendar date, YYYY-MM-DD, that exists. */
export function isCalendarDate(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const m = DATE.exec(v);
  return !!m && realDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Milliseconds since 1970 of an instant `isInstant` accepted. */
export const instantTime = (v: string): number => Date.parse(v);

/**
 * The instant as people read it in `lang`, in the reader's time zone: its date written as every date in
 * the app is (`formatDate`), with the time (24-hour) when asked; `placeholder` for a value that is not
 * an instant (never throws).
 */
export function formatInstant(v: unknown, lang: Lang, opts: { time?: boolean; placeholder?: string } = {}): string {
  const placeholder = opts.placeholder ?? '—';
  if (typeof v !== 'string') return placeholder;
  const d = new Date(v);
  if (!Number.isFinite(d.getTime())) return placeholder;
  const date = formatDate(localIsoDate(d), lang);
  if (!opts.time) return date;
  return `${date} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}
