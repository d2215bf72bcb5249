/**
 * The service worker (vite.config.ts, offlinePlugin): registered with workbox-window once the app is in
 * use (src/app/offline.ts). A new version installs in the background and then waits: the update notice
 * (UpdateNotice.tsx) asks the user, and only their click switches to it and reloads. Every answer is in
 * IndexedDB by then (the notice waits for pending writes), so the reload keeps the work.
 */
import type { TrustedScriptURL, TrustedTypePolicyFactory } from 'trusted-types/lib';
import { Workbox } from 'workbox-window';
import { showUpdateNotice, type ApplyUpdate, type CreateRoot } from './UpdateNotice';


/** How often a page left open asks the server for a new version. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * The service worker's URL as Trusted Types require it (index.html's CSP: `require-trusted-types-for
 * 'script'; trusted-types sw`): registering a worker is a script-URL sink, and the app's only one. The
 * policy turns exactly this one URL into a TrustedScriptURL and refuses any other.
 */
function workerUrl(url: string): string | TrustedScriptURL {
  const tt = (window as { trustedTypes?: TrustedTypePolicyFactory }).trustedTypes;
  if (!tt) return url; // a browser without Trusted Types: the plain URL
  return tt
    .createPolicy('sw', {
      createScriptURL: (u: string) => {
        if (u !== url) throw new TypeError(`not the service worker: ${u}`);
        return u;
      },
    })
    .createScriptURL(url);
}

export function registerServiceWorker(createRoot: CreateRoot): void {
  const announceUpdate = (apply: ApplyUpdate) => showUpdateNotice(apply, createRoot);
  const base = import.meta.env.BASE_URL;
  const wb = new Workbox(workerUrl(`${base}sw.js`), { scope: base });
  let switching = false;
  let registration: ServiceWorkerRegistration | undefined;
  wb.addEventListener('waiting', () =>
    announceUpdate(() => {
      switching = true;
      // Already activated by another tab meanwhile: this page only needs the reload.
      if (registration?.waiting) wb.messageSkipWaiting();
      else location.reload();
    }),
  );
  wb.addEventListener('controlling', (e) => {
    if (switching) location.reload();
    // Another tab switched to the new version: this page's code is now the older one.
    else if (e.isUpdate) announceUpdate(() => location.reload());
    // Else the first install took this page over: nothing changes for the user.
  });
  wb.register().then(
    (r) => {
      registration = r;
      setInterval(() => void wb.update().catch(() => undefined), CHECK_EVERY_MS);
    },
    () => undefined, // not allowed here (private mode, blocked by policy): the app works online as before
  );
}
