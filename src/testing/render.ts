/**
 * Rendering a component for a test: in one language, under a rule set of the test's choosing (the
 * project's, or a small one), as static markup.
 */
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import type { Lang, RuleSet } from '../engine';
import { createI18n } from '../i18n/i18n';
import { RuleSetProvider } from '../ruledata/context';
import { projectRules } from './fixtures';

export function renderStatic(el: ReactElement, opts: { lang?: Lang; ruleSet?: RuleSet | null } = {}): string {
  const ruleSet = opts.ruleSet === undefined ? projectRules() : (opts.ruleSet as RuleSet);
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n: createI18n(opts.lang ?? 'en') }, createElement(RuleSetProvider, { ruleSet, children: el })));
}

/**
 * A rule set of a test's own for component tests: the project's questions and rules under another
 * version, date and disclaimer, with only its first two sections in the questionnaire — so a test can
 * tell that a component reads the rule set it was given, not the app's.
 */
export function smallRuleSet(): RuleSet {
  const rs = projectRules();
  return {
    ...rs,
    version: '0.1.0-test',
    date: '2026-01-01',
    manifest: { ...rs.manifest, disclaimer: { en: 'Small rule set for tests.', 'zh-CN': '测试用的小规则集。' } },
    sections: rs.sections.slice(0, 2),
  };
}
