/** The clock, kept out of the engine: the engine is given its assessment date, it never reads one. */

/** A day in the local calendar as YYYY-MM-DD: the default assessment date (today where the user is). */
export function localIsoDate(d: Date = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
