/**
 * Names people typed, shown inside `<bdi>`: a right-to-left name (or one holding direction characters
 * from before they were refused) then cannot reorder the text around it. `withNames` does it for a name
 * inside a translated sentence, in whatever place each language puts it.
 */
import { Fragment, type ReactNode } from 'react';
import type { TFunction } from '../i18n/i18n';

/** A name on its own. */
export function Name({ children, className, testId }: { children: string; className?: string; testId?: string }) {
  return (
    <bdi className={className} data-testid={testId}>
      {children}
    </bdi>
  );
}

// Private-use characters: no translation contains them, and the names themselves never pass through the split.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARK = /\uE000(\d+)\uE001/;

/** The sentence `key` with each of `names` (parameters that hold typed names) inside `<bdi>`. */
export function withNames(t: TFunction, key: string, params: Record<string, string | number>, names: readonly string[]): ReactNode {
  const marked: Record<string, string | number> = { ...params };
  names.forEach((n, i) => (marked[n] = `${OPEN}${i}${CLOSE}`));
  const parts = String(t(key, marked)).split(MARK);
  // split with a capture group: text, index, text, index, ..., text.
  return parts.map((p, i) =>
    i % 2 === 0 ? (
      <Fragment key={i}>{p}</Fragment>
    ) : (
      <bdi key={i}>{String(params[names[Number(p)]!] ?? '')}</bdi>
    ),
  );
}
