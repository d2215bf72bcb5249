/** The portfolio table's filters and sort in the address: written back and read again the same, anything unknown ignored. */
import { describe, expect, it } from 'vitest';
import { tableQuery, tableStateOf } from './use-portfolio-table';

describe('portfolio table in the address', () => {
  it('round-trips filters (any script) and sort', () => {
    const filters = { text: '上海 shop & co', cohort: 'Spring 2026', tier: 'high', tierRegime: 'EU' as const };
    const sort = { key: 'EU' as const, dir: 'asc' as const };
    const q = tableQuery(filters, sort);
    expect(tableStateOf(q)).toEqual({ filters, sort });
  });

  it('leaves the defaults out, and reads an empty address as the defaults', () => {
    expect(tableQuery({ text: '', cohort: '', tier: '', tierRegime: 'any' }, { key: 'updated', dir: 'desc' })).toBe('');
    expect(tableStateOf('')).toEqual({ filters: { text: '', cohort: '', tier: '', tierRegime: 'any' }, sort: { key: 'updated', dir: 'desc' } });
  });

  it('ignores what it does not know: a tier, a regime or a sort that does not exist', () => {
    const s = tableStateOf('tier=catastrophic&in=XX&sort=colour:up&text=a');
    expect(s.filters).toEqual({ text: 'a', cohort: '', tier: '', tierRegime: 'any' });
    expect(s.sort).toEqual({ key: 'updated', dir: 'desc' });
  });
});
