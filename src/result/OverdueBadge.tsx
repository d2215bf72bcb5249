/** "Overdue since <date>": the badge a duty past its due date wears, in the plan and in the checklist alike. */
import { useTranslation } from 'react-i18next';
import type { Lang } from '../engine';
import { formatDate } from '../lib/dates';

export function OverdueBadge({ due, lang, testId }: { due: string; lang: Lang; testId: string }) {
  const { t } = useTranslation();
  return (
    <span className="badge overdue" data-testid={testId}>
      {t('result:duty.overdue', { date: formatDate(due, lang) })}
    </span>
  );
}
