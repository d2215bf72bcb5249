/**
 * Where an owner is in the questionnaire, as the record keeps it: the introduction, one section, the
 * review, or the result. One place says how a section step is written and read.
 */
export type SectionStep = `section:${string}`;
export type Step = 'intro' | 'review' | 'result' | SectionStep;

const SECTION_PREFIX = 'section:';

/** The step of a section. */
export const sectionStep = (sectionId: string): SectionStep => `${SECTION_PREFIX}${sectionId}`;

/** The section a step is in, or undefined for the introduction, review and result. */
export function sectionOf(step: string): string | undefined {
  return step.startsWith(SECTION_PREFIX) ? step.slice(SECTION_PREFIX.length) : undefined;
}

/**
 * Where the open assessment is, in the address: `#/intro`, `#/section/<id>`, `#/review`, `#/result`
 * (the route table, src/lib/route.ts, takes them all as the assessment page). Every step the user
 * moves to is a history entry, so the browser's Back and Forward move between sections; `#/` means
 * "the open assessment, wherever it is".
 */
export function stepHref(step: Step): string {
  const section = sectionOf(step);
  return section ? `#/section/${encodeURIComponent(section)}` : `#/${step}`;
}

/** The step an address names, or undefined for any other address. */
export function stepOfHref(hash: string): Step | undefined {
  if (hash === '#/intro' || hash === '#/review' || hash === '#/result') return hash.slice(2) as Step;
  const m = /^#\/section\/([A-Za-z0-9_-]+)$/.exec(hash);
  return m ? sectionStep(m[1]!) : undefined;
}
