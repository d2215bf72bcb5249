/**
 * Offline use, the part in the first load (a few bytes): when the service worker is registered. The
 * registration (workbox-window) and the update notice are src/app/sw-register.ts and
 * src/app/UpdateNotice.tsx, loaded once the app is in use, so they never delay the first question and
 * the precache downloads never compete with it.
 */
import { createRoot } from 'react-dom/client';

/**
 * Runs `run` once the app is in use: 1.5 s after the first click, key press or route change, or 10 s
 * after start, whichever comes first.
 */
export function whenInUse(run: () => void, afterUse = 1500, atLatest = 10_000): void {
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    run();
  };
  const soon = () => setTimeout(go, afterUse);
  for (const e of ['pointerdown', 'keydown', 'hashchange']) addEventListener(e, soon, { once: true, capture: true });
  setTimeout(go, atLatest);
}

/**
 * Registers the service worker of a production build, once the app is in use. React's `createRoot` is
 * handed to the notice from here: imported by the lazy chunks themselves, react-dom would leave the
 * entry chunk for a shared one and the first load would grow.
 */
export function scheduleServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  whenInUse(() => {
    import('./sw-register').then(
      (m) => m.registerServiceWorker(createRoot),
      () => undefined, // offline before it was ever cached, or a stale deploy: the next start tries again
    );
  });
}
