/** Bad answers produce specific errors — never an exception, never a silent guess. */
import { describe, expect, it } from 'vitest';
import { assess, pruneHiddenAnswers } from '../engine';
import { exampleAnswers, projectRules } from '../testing/fixtures';

const rs = projectRules();
const errorsOf = (answers: unknown) => {
  const r = assess(rs, answers, { date: '2026-11-23' });
  return r.ok ? [] : r.errors;
};

describe('answer validation', () => {
  it.each([
    ['not an object', ['x'], 'not_an_object', undefined],
    ['unknown question', { foo: 'yes' }, 'unknown_question', 'foo'],
    ['__proto__ key', JSON.parse('{"__proto__": {"polluted": true}}'), 'unknown_question', '__proto__'],
    ['wrong type for yes/no', { ai_techniques: ['machine_learning'], cn_locations: ['none'], eu_nexus: ['none'], personal_data: true }, 'wrong_type', 'personal_data'],
    ['option not offered', { ai_techniques: ['quantum'] }, 'unknown_option', 'ai_techniques'],
    ['multi given a string', { ai_techniques: 'machine_learning' }, 'wrong_type', 'ai_techniques'],
    ['exclusive option combined', { ai_techniques: ['none', 'nlp'] }, 'exclusive_option', 'ai_techniques'],
    ['empty selection', { ai_techniques: [] }, 'empty_selection', 'ai_techniques'],
    ['duplicate option', { ai_techniques: ['nlp', 'nlp'] }, 'duplicate_option', 'ai_techniques'],
    ['text too long', { company_name: 'x'.repeat(201) }, 'too_long', 'company_name'],
    ['not asked', { ai_techniques: ['none'], eu_roles: ['provider'] }, 'not_asked', 'eu_roles'],
  ])('%s', (_name, answers, code, question) => {
    const errs = errorsOf(answers);
    expect(errs).toEqual([expect.objectContaining({ code, ...(question ? { question } : {}) })]);
    expect(errs[0]!.message.length).toBeGreaterThan(10);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('lists every problem at once', () => {
    const errs = errorsOf({ ...exampleAnswers('E1'), foo: 1, scale: 'huge', personal_data: 'maybe' });
    expect(errs.map((e) => e.code).sort()).toEqual(['unknown_option', 'unknown_option', 'unknown_question']);
  });

  it('treats null and empty text as unanswered', () => {
    expect(errorsOf({ ...exampleAnswers('E1'), company_name: '   ', product_description: null })).toEqual([]);
  });

  it('pruneHiddenAnswers drops exactly the answers that are not asked, and says which', () => {
    const answers = { ...exampleAnswers('E1'), ai_techniques: ['none'] };
    const { answers: kept, dropped } = pruneHiddenAnswers(rs, answers);
    expect(kept).toEqual({ ai_techniques: ['none'], product_description: (answers as Record<string, unknown>).product_description });
    expect(dropped).toContain('cn_locations');
    expect(errorsOf(kept)).toEqual([]);
  });
});
