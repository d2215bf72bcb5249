/** The sentences for what is wrong with an invite link (InviteView shows them; kept apart so tests need no page). */
import type { TFunction } from '../i18n/i18n';
import type { InviteProblem } from './links';

/** What is wrong with an invite link, naming the field. */
export function inviteProblemText(p: InviteProblem, t: TFunction): string {
  switch (p.code) {
    case 'missing':
      return p.field === 'incubator' ? t('portfolio:invite.problem.missing_incubator') : t('portfolio:invite.problem.missing_cohort');
    case 'damaged':
      return t('portfolio:invite.problem.damaged');
    case 'too_long':
      return t('portfolio:invite.problem.too_long', { field: t(`portfolio:invite.fieldName.${p.field}`), length: p.length, max: p.max });
    case 'control':
      return t('portfolio:invite.problem.control', { field: t(`portfolio:invite.fieldName.${p.field}`), char: p.char });
    case 'bidi':
      return t('portfolio:invite.problem.bidi', { field: t(`portfolio:invite.fieldName.${p.field}`), char: p.char });
  }
}
