/**
 * Issue 14 in the portfolio: entries an older version stored that today's check refuses are set aside,
 * never blank the page; dates shown are formatted totally; names people typed are shown inside <bdi>.
 * Pages rendered to markup (react-dom/server), so no browser is needed.
 */
import 'fake-indexeddb/auto';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import type { Lang } from '../engine';
import { createI18n } from '../i18n/i18n';
import { withNames } from '../lib/bdi';
import { FILE_FORMAT } from '../file-format/assessment-file';
import { newRecord, type AssessmentRecord } from '../assessment/record';
import { exampleAnswers, projectRules } from '../testing/fixtures';
import { renderStatic } from '../testing/render';
import { ImportOutcome } from './ImportOutcome';
import { PortfolioTable } from './PortfolioTable';
import { recordRow, type PortfolioRow } from './rows';
import { getPortfolio, resetPortfolioForTests, startPortfolio } from './state';
import { AssessmentStore } from './store';

const rs = projectRules();
const rec = (id: string, extra: Partial<AssessmentRecord> = {}): AssessmentRecord => ({
  ...newRecord(new Date('2026-11-23T10:00:00Z'), id),
  answers: exampleAnswers('E1') as AssessmentRecord['answers'],
  step: 'result',
  ...extra,
});
const entry = (r: unknown) => ({ format: FILE_FORMAT, schemaVersion: 2, ruleSet: { version: rs.version, date: rs.date }, exportedAt: '2026-11-23T10:00:00.000Z', assessment: r });
const render = (el: ReactElement, lang: Lang = 'en') => renderStatic(el, { lang });

afterEach(() => resetPortfolioForTests());

describe('entries stored by an older version', () => {
  it('an impossible date, a direction override or nesting past the limit is set aside as damaged; the portfolio starts with the rest', async () => {
    const name = 'untrusted-1';
    const s = await AssessmentStore.open(rs, name);
    await s.put(rec('good'));
    s.close();
    let deep: unknown = 'x';
    for (let i = 0; i < 20; i++) deep = [deep];
    const raw = await new Promise<IDBDatabase>((res) => {
      const r = indexedDB.open(name);
      r.onsuccess = () => res(r.result);
    });
    await new Promise((res) => {
      const tx = raw.transaction('assessments', 'readwrite');
      const store = tx.objectStore('assessments');
      store.put(entry(rec('date', { updatedAt: '2026-05-01T25:00:00Z' })));
      store.put(entry(rec('bidi', { title: 'Acme\u202Egnp.exe' })));
      store.put(entry({ ...rec('deep'), step: deep }));
      tx.oncomplete = res;
    });
    raw.close();
    await startPortfolio(rs, () => AssessmentStore.open(rs, name));
    const p = getPortfolio();
    expect(p.status).toBe('ready');
    expect([...p.records.keys()]).toEqual(['good']);
    expect(p.startup.damaged.map((ps) => ps.map((x) => x.code)).sort()).toEqual([['bad_date'], ['text_bidi'], ['too_deep']]);
    // Every row of what loaded can be drawn.
    expect(() => render(createElement(PortfolioTable, tableProps([...p.records.values()].map((r) => recordRow(rs, r)!))))).not.toThrow();
  });
});

function tableProps(rows: PortfolioRow[]) {
  return { rows, total: rows.length, sort: { key: 'name' as const, dir: 'asc' as const }, onSort: () => undefined, selected: new Set<string>(), onSelect: () => undefined, onAction: () => undefined, currentId: '', withBaseline: new Set<string>() };
}

describe('portfolio table', () => {
  it.each<Lang>(['en', 'zh-CN'])('%s: shows a dash for a date no formatter accepts, instead of throwing (the page went white)', (lang) => {
    const row = { ...recordRow(rs, rec('a'))!, updatedAt: '2026-05-01T25:00:00Z' };
    let html = '';
    expect(() => (html = render(createElement(PortfolioTable, tableProps([row])), lang))).not.toThrow();
    expect(html).toContain('<time dateTime="2026-05-01T25:00:00Z">—</time>');
  });

  it('shows names, company and product, and the cohort inside <bdi>, so a right-to-left name cannot reorder the row', () => {
    const row = recordRow(rs, rec('a', { title: 'מבחן', cohort: { incubator: 'حاضنة', label: 'ربيع' }, answers: { ...(exampleAnswers('E1') as AssessmentRecord['answers']), company_name: 'شركة', product_name: 'Bot' } }))!;
    const html = render(createElement(PortfolioTable, tableProps([row])));
    expect(html).toContain('<bdi>מבחן</bdi>');
    expect(html).toContain('<bdi>شركة</bdi> · <bdi>Bot</bdi>');
    expect(html).toMatch(/<bdi title="[^"]*حاضنة[^"]*">ربيع<\/bdi>/);
  });
});

describe('import outcome', () => {
  it('shows file names and assessment names inside <bdi>, and lists at most 50 refused files, then a count', () => {
    const bad = Array.from({ length: 120 }, (_, i) => ({ name: `ملف-${i}.json`, problems: [{ code: 'empty' as const, params: {} }] }));
    const state = { plan: { good: [], bad }, choices: {}, applied: true, openSingle: false };
    const noop = () => undefined;
    for (const lang of ['en', 'zh-CN'] as const) {
      const html = render(createElement(ImportOutcome, { state, choose: noop, chooseAll: noop, confirm: noop, dismiss: noop }), lang);
      expect(html.match(/data-testid="import-refused-item"/g)).toHaveLength(50);
      expect(html).toContain('<bdi>ملف-0.json</bdi>');
      expect(html).not.toContain('ملف-50.json');
      expect(html).toContain(createI18n(lang).t('errors:list.more', { count: 70 }));
    }
  });

  it('puts the names in a conflict sentence inside <bdi>, in each language’s word order, and survives an impossible date', () => {
    const mine = rec('x', { title: 'عربي' });
    const theirs = { ...mine, updatedAt: '2026-05-01T25:00:00Z', title: 'Other' };
    const state = { plan: { good: [{ name: 'f\u202E.json', record: theirs, notices: [], conflict: mine }], bad: [] }, choices: {}, applied: false, openSingle: false };
    const noop = () => undefined;
    for (const lang of ['en', 'zh-CN'] as const) {
      const html = render(createElement(ImportOutcome, { state, choose: noop, chooseAll: noop, confirm: noop, dismiss: noop }), lang);
      expect(html).toContain('<bdi>f\u202E.json</bdi>');
      expect(html).toContain('<bdi>Other</bdi>');
      expect(html).toContain('—');
    }
  });
});

describe('withNames', () => {
  it('wraps exactly the named values, wherever the translation puts them, and nothing else', () => {
    const t = createI18n('zh-CN').t;
    const html = renderToStaticMarkup(createElement('p', null, withNames(t, 'portfolio:invite.invited', { incubator: 'حاضنة', label: '\uE0001\uE001 秋季' }, ['incubator', 'label'])));
    expect(html).toBe(`<p>${t('portfolio:invite.invited', { incubator: '<bdi>حاضنة</bdi>', label: '<bdi>\uE0001\uE001 秋季</bdi>' })}</p>`);
  });
});
