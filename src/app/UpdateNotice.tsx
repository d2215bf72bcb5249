/**
 * "A new version is available — Reload": shown when a new version of the app has been installed in the
 * background (src/app/sw-register.ts). Nothing switches until the user clicks. The click first waits for
 * the answers still being written to IndexedDB; if this browser is not saving (private mode, storage
 * full), the notice says so and asks for an export first, since a reload would then lose the work.
 *
 * It is its own small React root in a bar kept at the bottom of the window (after #root), loaded only
 * when a new version is waiting: the first load carries none of it.
 */
import { useState } from 'react';
import type { createRoot, Root } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { getPortfolio, usePortfolio, writesSettled } from '../portfolio/state';
import './update-notice.css';

/** Switches to the new version and reloads the page. */
export type ApplyUpdate = () => void;
/** react-dom's, passed in by src/app/offline.ts (see there why). */
export type CreateRoot = typeof createRoot;

function UpdateNotice({ apply }: { apply: ApplyUpdate }) {
  const { t } = useTranslation();
  const { saveProblem } = usePortfolio();
  const [busy, setBusy] = useState(false);
  return (
    <div className="notice" role="status" data-testid="update-notice">
      <p>
        {saveProblem ? t('app:update.notSaved') : t('app:update.available')}{' '}
        <button
          type="button"
          className="secondary small"
          data-testid="update-reload"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void writesSettled().then(() => {
              // A write just failed: the notice now says the work is not saved; the next click reloads.
              if (getPortfolio().saveProblem && !saveProblem) setBusy(false);
              else apply();
            });
          }}
        >
          {saveProblem ? t('app:update.reloadAnyway') : t('app:update.reload')}
        </button>
      </p>
    </div>
  );
}

let root: Root | undefined;

/** Shows the notice (again, with the newest `apply`, if a later version arrives). */
export function showUpdateNotice(apply: ApplyUpdate, createRoot: CreateRoot): void {
  if (!root) {
    const bar = document.createElement('div');
    bar.className = 'update-bar';
    document.body.append(bar);
    root = createRoot(bar);
  }
  root.render(<UpdateNotice apply={apply} />);
}
