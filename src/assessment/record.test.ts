/** When a duty is due, and when it is overdue. */
import { describe, expect, it } from 'vitest';
import { dueDate, isOverdue } from './record';

describe('due dates', () => {
  it('a duty is due on the date set for it, else the date it applies from', () => {
    expect(dueDate(undefined, '2027-12-02')).toBe('2027-12-02');
    expect(dueDate({ status: 'todo', due: '2027-06-30' }, '2027-12-02')).toBe('2027-06-30');
  });

  it('is overdue once that date has passed, unless done or found not to apply', () => {
    expect(isOverdue(undefined, '2025-02-02', '2026-11-30')).toBe(true);
    expect(isOverdue({ status: 'in_progress' }, '2025-02-02', '2026-11-30')).toBe(true);
    expect(isOverdue({ status: 'done' }, '2025-02-02', '2026-11-30')).toBe(false);
    expect(isOverdue({ status: 'not_applicable' }, '2025-02-02', '2026-11-30')).toBe(false);
    expect(isOverdue({ status: 'todo', due: '2027-01-31' }, '2025-02-02', '2026-11-30')).toBe(false);
    expect(isOverdue(undefined, '2026-11-30', '2026-11-30')).toBe(false);
  });
});
