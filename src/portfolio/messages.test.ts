/** Every message the portfolio builds from a code has its text in both languages (keys made at run time escape the literal scan). */
import { describe, expect, it } from 'vitest';
import { LANGS } from '../engine';
import { createI18n } from '../i18n/i18n';
import { FILE_NOTICE_CODES } from '../file-format/assessment-file';
import { noticeText } from '../file-format/file-messages';

describe('portfolio messages', () => {
  it.each(LANGS)('%s: link problems, invite problems, prohibited flags, moves, conflict choices, notices', (lang) => {
    const i = createI18n(lang);
    const keys = [
      ...['truncated', 'damaged', 'unsupported_version', 'too_large'].map((p) => `portfolio:share.problem.${p}`),
      ...['missing_incubator', 'missing_cohort', 'too_long', 'control', 'bidi', 'damaged'].map((p) => `portfolio:invite.problem.${p}`),
      ...['yes', 'possible', 'no'].map((p) => `portfolio:prohibited.${p}`),
      ...['stricter', 'lighter', 'same'].map((p) => `portfolio:compare.${p}`),
      ...['update', 'keep_both'].map((p) => `portfolio:import.${p}`),
    ];
    for (const k of keys) expect(i.exists(k), `${lang} ${k}`).toBe(true);
    // Notices read with tier and regime names, never ids.
    const text = noticeText({ code: 'rule_set_tier', params: { regime: 'EU', from: 'limited', to: 'high' } }, i.t);
    expect(text).toContain(i.t('result:tier.high'));
    expect(text).toContain(i.t('result:regime.EU'));
    expect(text).not.toMatch(/\blimited\b|\{\{/);
    for (const c of FILE_NOTICE_CODES) expect(noticeText({ code: c, params: { file: '0.9.0', current: '1.0.0', duty: 'EU-9', question: 'q', from: 'high', to: 'minimal', regime: 'SH', count: 3 } }, i.t)).not.toMatch(/\{\{|notice\./);
  });
});
