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
