/**
 * Sets or changes the cohort of the selected assessments after import (an incubator sorting the files
 * companies sent), or takes them out of any cohort. Suggests the incubators and cohorts already in the
 * portfolio so the same cohort is spelt the same way.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_LABEL_LENGTH, type Cohort } from '../assessment/record';
import type { PortfolioRow } from './rows';

interface Props {
  /** The selected rows the change applies to. */
  rows: readonly PortfolioRow[];
  /** Every row, for the suggestions. */
  all: readonly PortfolioRow[];
  onSet: (ids: string[], cohort: Cohort | undefined) => void;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, MAX_LABEL_LENGTH);

export function CohortEditor({ rows, all, onSet }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const first = rows.find((r) => r.cohort)?.cohort;
  const [incubator, setIncubator] = useState(first?.incubator ?? '');
  const [label, setLabel] = useState(first?.label ?? '');
  const [done, setDone] = useState<string>();
  const incubators = [...new Set(all.flatMap((r) => (r.cohort ? [r.cohort.incubator] : [])))];
  const labels = [...new Set(all.flatMap((r) => (r.cohort ? [r.cohort.label] : [])))];
  const ids = rows.map((r) => r.id);
  const ready = !!oneLine(incubator) && !!oneLine(label);
  return (
    <details className="cohort-editor" data-testid="cohort-editor">
      <summary>{t('portfolio:cohort.edit', { count: rows.length })}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!ready || !ids.length) return;
          onSet(ids, { incubator: oneLine(incubator), label: oneLine(label) });
          setDone(t('portfolio:cohort.set', { count: ids.length, label: oneLine(label) }));
        }}
      >
        <SuggestedInput id={`${id}-incubator`} label={t('portfolio:cohort.incubator')} value={incubator} onChange={setIncubator} suggestions={incubators} testId="cohort-incubator" />
        <SuggestedInput id={`${id}-label`} label={t('portfolio:cohort.label')} value={label} onChange={setLabel} suggestions={labels} testId="cohort-label" />
        <p className="cohort-buttons">
          <button type="submit" className="secondary small" disabled={!ready || !ids.length} data-testid="cohort-save">
            {t('portfolio:cohort.save', { count: ids.length })}
          </button>{' '}
          <button
            type="button"
            className="link"
            disabled={!ids.length || !rows.some((r) => r.cohort)}
            onClick={() => {
              onSet(ids, undefined);
              setDone(t('portfolio:cohort.removed', { count: ids.length }));
            }}
            data-testid="cohort-remove"
          >
            {t('portfolio:cohort.remove')}
          </button>
        </p>
        <p role="status" className="hint">
          {done ?? (ids.length ? '' : t('portfolio:cohort.selectFirst'))}
        </p>
      </form>
    </details>
  );
}

/** A one-line input with its label and the values already in use offered as suggestions. */
function SuggestedInput({ id, label, value, onChange, suggestions, testId }: { id: string; label: string; value: string; onChange: (v: string) => void; suggestions: readonly string[]; testId: string }) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input id={id} list={`${id}-suggestions`} value={value} maxLength={MAX_LABEL_LENGTH} onChange={(e) => onChange(e.currentTarget.value)} data-testid={testId} />
      <datalist id={`${id}-suggestions`}>
        {suggestions.map((x) => (
          <option key={x} value={x} />
        ))}
      </datalist>
    </>
  );
}
