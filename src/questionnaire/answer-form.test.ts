/** Form values to answers: clearing, numbers, and "none of these" standing alone. */
import { describe, expect, it } from 'vitest';
import { projectRules } from '../testing/fixtures';
import { toAnswer } from './answer-form';

const rs = projectRules();
const q = (id: string) => rs.questionById.get(id)!;

describe('form values to answers', () => {
  it('choosing "none" clears the other options, and choosing another clears "none"', () => {
    const multi = q('eu_prohibited');
    const none = [...multi.exclusiveValues][0]!;
    const other = multi.options!.find((o) => !o.exclusive && !o.unknown)!.id;
    expect(toAnswer(multi, [other, none], [other])).toEqual([none]);
    expect(toAnswer(multi, [none, other], [none])).toEqual([other]);
    expect(toAnswer(multi, [], [other])).toBeNull();
  });

  it('keeps options in the rule file order', () => {
    const multi = q('ai_techniques');
    const ids = multi.options!.filter((o) => !o.exclusive && !o.unknown).map((o) => o.id);
    expect(toAnswer(multi, [ids[2], ids[0]], [])).toEqual([ids[0], ids[2]]);
  });

  it('clears empty text and reads numbers', () => {
    expect(toAnswer(q('product_name'), '   ', 'x')).toBeNull();
    expect(toAnswer(q('product_name'), 'Robot', undefined)).toBe('Robot');
    const num = rs.questions.find((x) => x.type === 'number');
    if (num) {
      expect(toAnswer(num, '12', undefined)).toBe(12);
      expect(toAnswer(num, '', 3)).toBeNull();
    }
  });
});
