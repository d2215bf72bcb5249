/**
 * The tier distribution per regime: one stacked bar each, strictest tier first, with the counts
 * written out beside it (the figure's text alternative and its legend at once).
 */
import { useTranslation } from 'react-i18next';
import { REGIMES, type Regime, type RegimeTier } from '../engine';

const ORDER: RegimeTier[] = ['prohibited', 'unacceptable', 'high', 'needs_review', 'medium_low', 'limited', 'minimal', 'out_of_scope'];

export function TierChart({ distribution, total }: { distribution: Record<Regime, Partial<Record<RegimeTier, number>>>; total: number }) {
  const { t } = useTranslation();
  return (
    <figure className="tier-chart" data-testid="tier-chart">
      <figcaption>{t('portfolio:chart.title', { count: total })}</figcaption>
      {REGIMES.map((g) => {
        const parts = ORDER.flatMap((tier) => (distribution[g][tier] ? [{ tier, n: distribution[g][tier]! }] : []));
        let x = 0;
        return (
          <div className="chart-row" key={g} data-regime={g}>
            <span className="chart-regime">{t(`result:regime.${g}`)}</span>
            <svg className="chart-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
              {parts.map(({ tier, n }) => {
                const w = total ? (n / total) * 100 : 0;
                const rect = <rect key={tier} className={`bar-${tier}`} x={x} y={0} width={w} height={10} />;
                x += w;
                return rect;
              })}
            </svg>
            <span className="chart-counts">
              {parts.map(({ tier, n }) => (
                <span key={tier} className="chart-count" data-tier={tier}>
                  <span className={`swatch bar-${tier}`} aria-hidden="true" /> {t(`result:tier.${tier}`)} {n}
                </span>
              ))}
            </span>
          </div>
        );
      })}
    </figure>
  );
}
