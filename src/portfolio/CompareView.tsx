/**
 * Two assessments side by side (`#/compare/<id>/<id>`), or one assessment's result under the rule set
 * it was made with against the current one (`#/compare/<id>/baseline`): tiers moved and which way,
 * duties added and removed, answers changed.
 */
import { useTranslation } from 'react-i18next';
import { PORTFOLIO_HREF } from '../lib/route';
import { LoadFailed, useLoad } from '../lib/ErrorBoundary';
import { useRuleSet } from '../ruledata/context';
import { hasTexts, loadTexts, useRuleTexts } from '../ruledata/text-store';
import type { Lang } from '../engine';
import { formatInstant } from '../lib/instants';
import { displayName } from '../assessment/record';
import { valueText } from '../report/answer-text';
import { baselineSide, compare, currentSide, type CompareSide } from './compare';
import { usePortfolio } from './state';
import './portfolio.css';

const SEVERITY: Record<string, number> = { prohibited: 0, unacceptable: 0, high: 1, needs_review: 2, medium_low: 3, limited: 3, minimal: 4, out_of_scope: 5 };

const compareTexts = (lang: Lang) => loadTexts(lang, ['q', 'p', 'r']);

export default function CompareView({ left, right, lang }: { left: string; right: string; lang: Lang }) {
  const ruleSet = useRuleSet();
  const { t } = useTranslation();
  const portfolio = usePortfolio();
  useRuleTexts();
  const texts = useLoad(lang, compareTexts);
  if (portfolio.status !== 'ready') return <p className="loading">{t('app:loading')}</p>;
  if (texts.failed && !(hasTexts(lang, 'q') && hasTexts(lang, 'p') && hasTexts(lang, 'r'))) {
    return (
      <main className="compare" tabIndex={-1} id="main-compare">
        <h2>{t('portfolio:compare.title')}</h2>
        <LoadFailed onRetry={texts.retry} />
      </main>
    );
  }
  const l = portfolio.records.get(left);
  const r = right === 'baseline' ? l : portfolio.records.get(right);
  const sides: [CompareSide | undefined, CompareSide | undefined] = right === 'baseline' ? [l && baselineSide(l), l && currentSide(ruleSet, l)] : [l && currentSide(ruleSet, l), r && currentSide(ruleSet, r)];
  if (!l || !r || !sides[0] || !sides[1]) {
    return (
      <main className="compare" tabIndex={-1} id="main-compare">
        <h2>{t('portfolio:compare.title')}</h2>
        <p className="notice error" role="alert">
          {t('portfolio:compare.missing')}
        </p>
        <a href={PORTFOLIO_HREF}>{t('portfolio:nav.back')}</a>
      </main>
    );
  }
  const c = compare(ruleSet, sides[0], sides[1]);
  const dutyTitle = (id: string) => ruleSet.duties.find((d) => d.id === id)?.title[lang] ?? id;
  const questionText = (id: string) => ruleSet.questionById.get(id)?.text[lang] ?? id;
  const heading = (s: CompareSide) => (
    <>
      <bdi>{displayName(s.record) || t('app:file.unnamed')}</bdi>
      <span className="sub">{t('portfolio:compare.sideNote', { date: formatInstant(s.record.updatedAt, lang), version: s.ruleSetVersion })}</span>
    </>
  );
  const move = (from: string, to: string) => ((SEVERITY[to] ?? 9) < (SEVERITY[from] ?? 9) ? 'stricter' : (SEVERITY[to] ?? 9) > (SEVERITY[from] ?? 9) ? 'lighter' : 'same');
  const rows: { key: string; label: string; from: string; to: string }[] = [
    { key: 'overall', label: t('portfolio:col.overall'), from: c.left.result.overall, to: c.right.result.overall },
    ...(['SH', 'SZ', 'EU'] as const).map((g) => ({ key: g, label: t(`result:regime.${g}`), from: c.left.result.tiers[g], to: c.right.result.tiers[g] })),
  ];
  return (
    <main className="compare" tabIndex={-1} id="main-compare" data-testid="compare">
      <h2>{t('portfolio:compare.title')}</h2>
      <p>
        <a href={PORTFOLIO_HREF}>{t('portfolio:nav.back')}</a>
      </p>
      <table className="compare-table">
        <thead>
          <tr>
            <th scope="col">{t('portfolio:compare.what')}</th>
            <th scope="col">{heading(c.left)}</th>
            <th scope="col">{heading(c.right)}</th>
            <th scope="col">{t('portfolio:compare.change')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((x) => (
            <tr key={x.key} data-testid={`compare-tier-${x.key}`} data-move={move(x.from, x.to)}>
              <th scope="row">{x.label}</th>
              <td>{t(`result:tier.${x.from}`)}</td>
              <td>{t(`result:tier.${x.to}`)}</td>
              <td>{t(`portfolio:compare.${move(x.from, x.to)}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="duties-added">
        <h3 id="duties-added">{t('portfolio:compare.added', { count: c.dutiesAdded.length })}</h3>
        <ul data-testid="duties-added">
          {c.dutiesAdded.map((d) => (
            <li key={d}>
              {dutyTitle(d)} <span className="article-id">{d}</span>
            </li>
          ))}
        </ul>
        <h3>{t('portfolio:compare.removed', { count: c.dutiesRemoved.length })}</h3>
        <ul data-testid="duties-removed">
          {c.dutiesRemoved.map((d) => (
            <li key={d}>
              {dutyTitle(d)} <span className="article-id">{d}</span>
            </li>
          ))}
        </ul>
        <p className="hint">{t('portfolio:compare.kept', { count: c.dutiesKept.length })}</p>
      </section>
      <section aria-labelledby="answers-changed">
        <h3 id="answers-changed">{t('portfolio:compare.answers', { count: c.answers.length })}</h3>
        {c.answers.length ? (
          <table className="compare-table" data-testid="answers-changed">
            <thead>
              <tr>
                <th scope="col">{t('portfolio:compare.question')}</th>
                <th scope="col">{heading(c.left)}</th>
                <th scope="col">{heading(c.right)}</th>
              </tr>
            </thead>
            <tbody>
              {c.answers.map((a) => (
                <tr key={a.question}>
                  <th scope="row">{questionText(a.question)}</th>
                  <td>{valueText(ruleSet, a.question, a.before, lang, t)}</td>
                  <td>{valueText(ruleSet, a.question, a.after, lang, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </main>
  );
}
