/**
 * A part of the result that a phone shows folded (summary and plan first, details on demand): a section
 * on a wide screen, a closed `<details>` whose summary is the heading on a narrow one.
 */
import type { ReactNode } from 'react';

interface Props {
  narrow: boolean;
  /** The heading element (an h3 with its id, which labels the section). */
  heading: ReactNode;
  headingId: string;
  className?: string;
  testId?: string;
  children: ReactNode;
}

export function Fold({ narrow, heading, headingId, className, testId, children }: Props) {
  if (!narrow) {
    return (
      <section className={className} aria-labelledby={headingId} data-testid={testId}>
        {heading}
        {children}
      </section>
    );
  }
  return (
    <details className={`fold ${className ?? ''}`} data-testid={testId} data-folded="true">
      <summary>{heading}</summary>
      {children}
    </details>
  );
}

/** Opens every folded part around `el` (a plan item jumps into a folded checklist). */
export function unfoldAround(el: HTMLElement): void {
  for (let p = el.parentElement; p; p = p.parentElement) if (p instanceof HTMLDetailsElement) p.open = true;
}
