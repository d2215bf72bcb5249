/**
 * The questionnaire in the browser's history: every step the user moves to (a section, the review,
 * the result) is pushed as an address (`#/section/<id>` …, src/assessment/step.ts), so Back and Forward
 * move between sections and pages instead of leaving the app; an address of a step the statechart
 * cannot go to (a section not reachable yet) is replaced by where the user really is.
 */
import { useEffect, useRef } from 'react';
import { sectionOf, stepHref, stepOfHref, type Step } from '../assessment/step';
import type { QuestionnaireEvent } from './machine';

/** The event that moves the statechart to `target` from wherever it is, if one does. */
function eventTo(target: Step, current: Step): QuestionnaireEvent | undefined {
  const section = sectionOf(target);
  if (section) return { type: 'JUMP', section };
  if (target === 'review') return { type: 'REVIEW' };
  if (target === 'result') return { type: 'FINISH' };
  // To the introduction: only back from the first section (BACK there leads to it).
  if (target === 'intro' && sectionOf(current)) return { type: 'BACK' };
  return undefined;
}

/**
 * `step` is the statechart's step; `active` is false while another page is shown (the assessment stays
 * mounted under it). `current` reads the statechart's step at the moment (after an event was sent).
 */
export function useStepHistory(step: Step, send: (e: QuestionnaireEvent) => void, current: () => Step, active: boolean): void {
  const first = useRef(true);
  // The statechart moved: a new history entry (the first one, and a move made by Back/Forward, replace).
  const popped = useRef(false);
  useEffect(() => {
    if (!active) return;
    const want = stepHref(step);
    if (window.location.hash === want) {
      popped.current = false;
      return;
    }
    const at = stepOfHref(window.location.hash);
    if (first.current || popped.current || at === undefined) window.history.replaceState(window.history.state, '', want);
    else window.history.pushState(null, '', want);
    first.current = false;
    popped.current = false;
  }, [step, active]);

  // Back / Forward to a step address: move the statechart there, or put the address right.
  useEffect(() => {
    if (!active) return;
    const onPop = () => {
      const target = stepOfHref(window.location.hash);
      if (!target || target === current()) return;
      const e = eventTo(target, current());
      popped.current = true;
      if (e) send(e);
      // Refused (not reachable yet): the address shows where the user really is.
      if (current() !== target) {
        popped.current = false;
        window.history.replaceState(window.history.state, '', stepHref(current()));
      }
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [active, send, current]);
}
