/** Whether the window is phone-narrow (the width at which the header folds into a menu, see app.css). */
import { useSyncExternalStore } from 'react';

export const NARROW_QUERY = '(max-width: 640px)';

const query = () => (typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(NARROW_QUERY) : undefined);

export function useNarrow(): boolean {
  return useSyncExternalStore(
    (l) => {
      const q = query();
      q?.addEventListener('change', l);
      return () => q?.removeEventListener('change', l);
    },
    () => query()?.matches ?? false,
    () => false,
  );
}
