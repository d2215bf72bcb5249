/**
 * The one memo helper: a value computed once per object (a rule set, an answers object, a record) and
 * forgotten with it. Objects are replaced, never mutated, so an object's value never goes stale.
 */
export function memoOn<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const values = new WeakMap<K, V>();
  return (key) => {
    if (values.has(key)) return values.get(key)!;
    const v = compute(key);
    values.set(key, v);
    return v;
  };
}
