/**
 * Storage faults for tests on fake-indexeddb (import 'fake-indexeddb/auto' first): a request on one
 * object store fails as a browser's does (the request errors with a DOMException of that name, and the
 * transaction aborts with it: how a full disk or quota shows), or its transaction is aborted outright.
 * Each fault counts the requests it broke; `clear()` removes them all.
 */

type Method = 'put' | 'add' | 'delete' | 'get' | 'getAll';

export interface Fault {
  store: string;
  method: Method;
  /** `error`: the request fails with a DOMException named `name`; `abort`: the transaction is aborted (AbortError). */
  kind: 'error' | 'abort';
  name?: string;
  /** Requests that pass before the first fails (default 0). */
  skip?: number;
  /** Only this many requests fail (default: every one until cleared). */
  times?: number;
  /** Requests seen (passed or failed). */
  seen: number;
  /** How many requests it broke. */
  hits: number;
}

interface FakeTransaction extends IDBTransaction {
  _execRequestAsync(r: { operation: () => unknown; source: unknown }): IDBRequest;
}

const faults: Fault[] = [];
const originals = new Map<Method, (...args: unknown[]) => unknown>();

function patch(method: Method) {
  if (originals.has(method)) return;
  const proto = IDBObjectStore.prototype as unknown as Record<Method, (...args: unknown[]) => unknown>;
  const original = proto[method];
  originals.set(method, original);
  proto[method] = function (this: IDBObjectStore, ...args: unknown[]) {
    const fault = faults.find((f) => f.store === this.name && f.method === method && (f.times === undefined || f.hits < f.times) && f.seen++ >= (f.skip ?? 0));
    if (!fault) return original.apply(this, args);
    fault.hits++;
    const tx = this.transaction as FakeTransaction;
    if (fault.kind === 'abort') {
      const request = original.apply(this, args);
      tx.abort();
      return request;
    }
    // The request's operation throws: fake-indexeddb fires `error` at the request and aborts the
    // transaction with that error, as browsers do when a write exceeds the quota.
    const exec = tx._execRequestAsync;
    tx._execRequestAsync = (r) => {
      tx._execRequestAsync = exec;
      return exec.call(tx, {
        ...r,
        operation: () => {
          throw new DOMException(`simulated ${fault.name}`, fault.name ?? 'UnknownError');
        },
      });
    };
    return original.apply(this, args);
  };
}

export const idbFaults = {
  add(f: Omit<Fault, 'hits' | 'seen'>): Fault {
    patch(f.method);
    const fault = { ...f, hits: 0, seen: 0 };
    faults.push(fault);
    return fault;
  },
  /** A full disk: every write to `store` fails with QuotaExceededError. */
  quota(store = 'assessments', method: Method = 'put'): Fault {
    return idbFaults.add({ store, method, kind: 'error', name: 'QuotaExceededError' });
  },
  clear(): void {
    faults.length = 0;
  },
};
