/** The portfolio table's filters: text in any script, cohort (or none), tier in one regime or any. */
import { useTranslation } from 'react-i18next';
import { REGIMES, type Regime, type RegimeTier } from '../engine';
import { NO_COHORT, type FilterState } from './use-portfolio-table';

const TIER_FILTERS: (RegimeTier | 'prohibited_any')[] = ['prohibited_any', 'high', 'needs_review', 'medium_low', 'limited', 'minimal', 'out_of_scope'];

export function Filters({ value, onChange, cohorts }: { value: FilterState; onChange: (f: FilterState) => void; cohorts: readonly string[] }) {
  const { t } = useTranslation();
  const set = (patch: Partial<FilterState>) => onChange({ ...value, ...patch });
  return (
    <div className="filters" role="search">
      <label>
        {t('portfolio:filter.text')}
        <input type="search" value={value.text} onChange={(e) => set({ text: e.currentTarget.value })} data-testid="filter-text" />
      </label>
      <label>
        {t('portfolio:filter.cohort')}
        <select value={value.cohort} onChange={(e) => set({ cohort: e.currentTarget.value })} data-testid="filter-cohort">
          <option value="">{t('portfolio:filter.all')}</option>
          {cohorts.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
          <option value={NO_COHORT}>{t('portfolio:filter.noCohort')}</option>
        </select>
      </label>
      <label>
        {t('portfolio:filter.tier')}
        <select value={value.tier} onChange={(e) => set({ tier: e.currentTarget.value })} data-testid="filter-tier">
          <option value="">{t('portfolio:filter.all')}</option>
          {TIER_FILTERS.map((x) => (
            <option key={x} value={x}>
              {x === 'prohibited_any' ? t('portfolio:filter.prohibited') : t(`result:tier.${x}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('portfolio:filter.in')}
        <select value={value.tierRegime} onChange={(e) => set({ tierRegime: e.currentTarget.value as Regime | 'any' })} data-testid="filter-regime" disabled={!value.tier || value.tier === 'prohibited_any'}>
          <option value="any">{t('portfolio:filter.anyRegime')}</option>
          {REGIMES.map((g) => (
            <option key={g} value={g}>
              {t(`result:regime.${g}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
