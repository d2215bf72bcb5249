/**
 * Makes and shows the share link of one assessment: the whole file, compressed, in the URL fragment
 * (never sent to a server). Selected for copying at once; a Copy button where the browser allows it.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { linkTo } from '../lib/route';
import { useRuleSet } from '../ruledata/context';
import type { AssessmentRecord } from '../assessment/record';
import { exportFile } from '../file-format/summarize';
import { shareFragment } from './links';
import './portfolio.css';

export function ShareLinkBox({ record, onClose }: { record: AssessmentRecord; onClose: () => void }) {
  const ruleSet = useRuleSet();
  const { t } = useTranslation();
  const [link, setLink] = useState<string>();
  const [failed, setFailed] = useState(false);
  const [copied, setCopied] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    let live = true;
    shareFragment(JSON.stringify(exportFile(ruleSet, record))).then(
      (f) => live && setLink(linkTo(f)),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [ruleSet, record]);
  useEffect(() => {
    if (link) input.current?.select();
  }, [link]);
  return (
    <div className="share-box notice info" data-testid="share-box">
      <p>
        <strong>{t('portfolio:share.title')}</strong> {t('portfolio:share.privacy')}
      </p>
      {failed ? <p role="alert">{t('portfolio:share.failed')}</p> : null}
      {link ? (
        <>
          <label>
            <span className="visually-hidden">{t('portfolio:share.title')}</span>
            <input ref={input} readOnly value={link} className="share-link" data-testid="share-link" onFocus={(e) => e.currentTarget.select()} />
          </label>
          <p className="hint">{t('portfolio:share.length', { count: link.length })}</p>
          <p>
            {navigator.clipboard ? (
              <button
                type="button"
                className="secondary small"
                onClick={() => void navigator.clipboard.writeText(link).then(() => setCopied(true), () => setCopied(false))}
              >
                {copied ? t('portfolio:share.copied') : t('portfolio:share.copy')}
              </button>
            ) : null}{' '}
            <button type="button" className="secondary small" onClick={onClose}>
              {t('app:close')}
            </button>
          </p>
        </>
      ) : failed ? null : (
        <p className="loading">{t('app:loading')}</p>
      )}
    </div>
  );
}
