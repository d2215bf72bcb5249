/**
 * The clock, kept out of the engine (the engine is given its assessment date, it never reads one), and
 * the one way dates are written for people: "30 November 2026" in English, "2026年11月30日" in Chinese —
 * on screens, in the CSV and in the PDF alike.
 */
import type { Lang } from '../engine';

/** A day in the local calendar as YYYY-MM-DD: the default assessment date (today where the user is). */
export function localIsoDate(d: Date = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A calendar date (YYYY-MM-DD) as people read it in `lang`. */
export function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (lang === 'zh-CN') return `${y}年${m}月${d}日`;
  return `${d} ${MONTHS[m - 1]} ${y}`;
}
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
