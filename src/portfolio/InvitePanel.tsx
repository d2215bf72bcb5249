/**
 * For the incubator: its name and a cohort label make an invite link to send to tenants. A tenant who
 * opens it starts an assessment tagged with that cohort; the tag travels in every export. The link
 * holds only these two labels, in the fragment, so nothing reaches a server.
 */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { linkTo } from '../lib/route';
import { checkLabel, inviteFragment, type InviteField } from './links';

interface Fields {
  incubator: string;
  cohort: string;
}

export function InvitePanel() {
  const { t } = useTranslation();
  const [link, setLink] = useState<string>();
  const [copied, setCopied] = useState(false);
  const { register, handleSubmit, formState } = useForm<Fields>({ defaultValues: { incubator: '', cohort: '' } });
  /** The same check an invite link gets when opened: what this panel makes, the link reads back. */
  const rule = (field: InviteField) => ({
    validate: (v: string) => {
      const r = checkLabel(v, field);
      if (r.ok) return true;
      const p = r.problem;
      if (p.code === 'missing') return t('portfolio:invite.required');
      if (p.code === 'too_long') return t('portfolio:invite.tooLong', { max: p.max });
      if (p.code === 'control') return t('portfolio:invite.controlChar', { char: p.char });
      if (p.code === 'bidi') return t('portfolio:invite.bidiChar', { char: p.char });
      return t('portfolio:invite.brokenChar');
    },
  });
  const value = (v: string, field: InviteField) => {
    const r = checkLabel(v, field);
    return r.ok ? r.value : '';
  };
  const submit = handleSubmit((f) => {
    setCopied(false);
    setLink(linkTo(inviteFragment({ incubator: value(f.incubator, 'incubator'), label: value(f.cohort, 'cohort') })));
  });
  const err = formState.errors;
  return (
    <section className="panel invite-panel" aria-labelledby="invite-heading">
      <h3 id="invite-heading">{t('portfolio:invite.title')}</h3>
      <p className="hint">{t('portfolio:invite.what')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor="invite-incubator">{t('portfolio:invite.incubator')}</label>
          <input id="invite-incubator" {...register('incubator', rule('incubator'))} aria-invalid={!!err.incubator} aria-describedby={err.incubator ? 'invite-incubator-error' : undefined} />
          {err.incubator ? (
            <p className="field-error" id="invite-incubator-error">
              {err.incubator.message}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="invite-cohort">{t('portfolio:invite.cohort')}</label>
          <input id="invite-cohort" {...register('cohort', rule('cohort'))} aria-invalid={!!err.cohort} aria-describedby={err.cohort ? 'invite-cohort-error' : undefined} />
          {err.cohort ? (
            <p className="field-error" id="invite-cohort-error">
              {err.cohort.message}
            </p>
          ) : null}
        </div>
        <button type="submit" className="secondary small">
          {t('portfolio:invite.make')}
        </button>
      </form>
      {link ? (
        <div className="invite-result">
          <label htmlFor="invite-link">{t('portfolio:invite.link')}</label>
          <input id="invite-link" readOnly value={link} className="share-link" data-testid="invite-link" onFocus={(e) => e.currentTarget.select()} />
          {navigator.clipboard ? (
            <button type="button" className="secondary small" onClick={() => void navigator.clipboard.writeText(link).then(() => setCopied(true), () => setCopied(false))}>
              {copied ? t('portfolio:share.copied') : t('portfolio:share.copy')}
            </button>
          ) : null}
          <p className="hint">{t('portfolio:invite.next')}</p>
        </div>
      ) : null}
    </section>
  );
}
