/**
 * Tabs of the app open on the same portfolio tell each other what they stored: after every committed
 * write or delete a tab posts the ids on a BroadcastChannel named after the database; the others
 * read those entries again from IndexedDB (the message carries no data, so nothing can disagree with
 * what is stored). Where BroadcastChannel is missing, nothing is posted: the checked writes in
 * store.ts still refuse to overwrite what another tab changed.
 */

export interface TabChannel {
  post(ids: readonly string[]): void;
  close(): void;
}

interface ChangeMessage {
  type: 'changed';
  ids: string[];
}

const isChange = (m: unknown): m is ChangeMessage =>
  typeof m === 'object' && m !== null && (m as ChangeMessage).type === 'changed' && Array.isArray((m as ChangeMessage).ids) && (m as ChangeMessage).ids.every((id) => typeof id === 'string');

/** Listens for other tabs' changes to the database `db`; undefined where the browser has no BroadcastChannel. */
export function openTabChannel(db: string, onChange: (ids: string[]) => void): TabChannel | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  let channel: BroadcastChannel;
  try {
    channel = new BroadcastChannel(`${db}:changes`);
  } catch {
    return undefined;
  }
  channel.onmessage = (e: MessageEvent) => {
    if (isChange(e.data) && e.data.ids.length) onChange(e.data.ids);
  };
  return {
    post(ids) {
      if (!ids.length) return;
      try {
        channel.postMessage({ type: 'changed', ids: [...ids] } satisfies ChangeMessage);
      } catch {
        // closed: the other tabs' checked writes still protect their data
      }
    },
    close() {
      channel.close();
    },
  };
}
