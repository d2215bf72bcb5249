/** Says which answers a change removed because their questions are no longer asked. */
import { useTranslation } from 'react-i18next';
import { useRuleSet } from '../ruledata/context';
import type { Lang } from '../engine';

export function DroppedNotice({ dropped, onDismiss, lang }: { dropped: string[]; onDismiss: () => void; lang: Lang }) {
  const ruleSet = useRuleSet();
  const { t } = useTranslation();
  return (
    <div className="notice dropped" role="status">
      <p>{t('questionnaire:dropped.intro', { count: dropped.length })}</p>
      <ul>
        {dropped.map((id) => (
          <li key={id}>{ruleSet.questionById.get(id)?.text[lang] ?? id}</li>
        ))}
      </ul>
      <button type="button" className="secondary small" onClick={onDismiss}>
        {t('questionnaire:dropped.dismiss')}
      </button>
    </div>
  );
}
