/**
 * What a tenant sees on opening an invite link: who invites them, for which cohort, what stays private,
 * and a button that starts an assessment tagged with that cohort (or continues the one already started).
 */
import { useTranslation } from 'react-i18next';
import { go } from '../lib/route';
import { withNames } from '../lib/bdi';
import { displayName } from '../assessment/record';
import { inviteProblemText } from './link-messages';
import { readInvite } from './links';
import { createAssessment, openAssessment, usePortfolio } from './state';
import './portfolio.css';

export default function InviteView({ query }: { query: string }) {
  const { t } = useTranslation();
  const portfolio = usePortfolio();
  const invite = readInvite(query);
  if (!invite.ok) {
    return (
      <main className="invite" tabIndex={-1} id="main-invite">
        <h2>{t('portfolio:invite.openTitle')}</h2>
        <p className="notice error" role="alert" data-testid="invite-problem">
          {inviteProblemText(invite.problem, t)}
        </p>
        <p>
          <a href="#/">{t('portfolio:invite.withoutInvite')}</a>
        </p>
      </main>
    );
  }
  const { cohort } = invite;
  const started = [...portfolio.records.values()].filter((r) => r.cohort?.incubator === cohort.incubator && r.cohort.label === cohort.label);
  return (
    <main className="invite" tabIndex={-1} id="main-invite" data-testid="invite">
      <h2>{t('portfolio:invite.openTitle')}</h2>
      <p className="lead">{withNames(t, 'portfolio:invite.invited', { incubator: cohort.incubator, label: cohort.label }, ['incubator', 'label'])}</p>
      <p>{withNames(t, 'portfolio:invite.privacy', { incubator: cohort.incubator }, ['incubator'])}</p>
      {portfolio.status === 'ready' ? (
        <>
          <p>
            <button
              type="button"
              className="primary"
              data-testid="accept-invite"
              onClick={() => {
                createAssessment(cohort);
                go('#/');
              }}
            >
              {withNames(t, 'portfolio:invite.start', { label: cohort.label }, ['label'])}
            </button>
          </p>
          {started.length ? (
            <>
              <p>{t('portfolio:invite.already', { count: started.length })}</p>
              <ul>
                {started.map((r) => (
                  <li key={r.id}>
                    <button
                      type="button"
                      className="link"
                      onClick={() => {
                        openAssessment(r.id);
                        go('#/');
                      }}
                    >
                      <bdi>{displayName(r) || t('app:file.unnamed')}</bdi>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : (
        <p className="loading">{t('app:loading')}</p>
      )}
    </main>
  );
}

