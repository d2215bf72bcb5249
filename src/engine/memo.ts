/**
 * The one memo helper: a value computed once per object (a rule set, an answers object, a record) and
 * forgotten with it. Objects are replaced, never mutated, so an object's value never goes stale.
 */
export function memoOn<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const values = new WeakMap<K, V>();
  return (key) => {
    let v = values.get(key);
    // One lookup on the hot path (a value of undefined is looked up again, and computed once).
    if (v === undefined && !values.has(key)) {
      v = compute(key);
      values.set(key, v);
    }
    return v as V;
  };
}
