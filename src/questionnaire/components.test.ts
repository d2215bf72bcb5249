/**
 * Questionnaire components under a rule set of the test's choosing: they read the rule set they are
 * given (RuleSetProvider), never the app's own.
 */
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { renderStatic, smallRuleSet } from '../testing/render';
import { DroppedNotice } from './DroppedNotice';
import { Intro } from './Intro';
import { ProgressNav } from './ProgressNav';

const noop = () => undefined;

describe('questionnaire components with a small rule set', () => {
  const small = smallRuleSet();

  it('the introduction shows the version, date and disclaimer of the rule set it is given', () => {
    const html = renderStatic(createElement(Intro, { hasAnswers: false, onStart: noop, lang: 'en' }), { ruleSet: small });
    expect(html).toContain('0.1.0-test');
    expect(html).toContain('1 January 2026');
    expect(html).toContain('Small rule set for tests.');
    const zh = renderStatic(createElement(Intro, { hasAnswers: false, onStart: noop, lang: 'zh-CN' }), { ruleSet: small, lang: 'zh-CN' });
    expect(zh).toContain('测试用的小规则集。');
  });

  it('the progress list has one entry per section of that rule set, the current one marked', () => {
    const [first, second] = small.sections;
    const html = renderStatic(createElement(ProgressNav, { current: second!.id, answers: {}, send: noop, lang: 'en' }), { ruleSet: small });
    expect(html.match(/<li /g)).toHaveLength(2);
    expect(html).toContain(first!.title.en);
    expect(html).toMatch(new RegExp(`aria-current="step"[^>]*>${second!.title.en.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });

  it('a dropped answer is named by its question text in the reader\'s language, an unknown id as it is', () => {
    const q = small.questions[0]!;
    const html = renderStatic(createElement(DroppedNotice, { dropped: [q.id, 'no_such_question'], onDismiss: noop, lang: 'zh-CN' }), { ruleSet: small, lang: 'zh-CN' });
    expect(html).toContain(q.text['zh-CN']);
    expect(html).toContain('no_such_question');
  });

  it('a component rendered without a rule set fails loudly instead of reading a global one', () => {
    expect(() => renderStatic(createElement(Intro, { hasAnswers: false, onStart: noop, lang: 'en' }), { ruleSet: null as never })).toThrow(/RuleSetProvider/);
  });
});
