/**
 * The questionnaire as a statechart, derived from the rule set: one state per section, in the
 * manifest's order; NEXT and BACK move to the nearest section that has a question asked under the
 * current answers, so skipped sections are never entered. intro → sections → review → result.
 *
 * The machine holds the answers. Every ANSWER event prunes answers whose question is no longer asked
 * (and records which, so the screen can say so); a hidden answer never reaches the engine.
 */
import { and, assign, not, setup, type SnapshotFrom } from 'xstate';
import { allAnswered, applyAnswers, firstIncompleteSection, missingQuestions, sectionHasQuestions, settledOutOfScope, type AnswerMap, type AnswerValue, type RuleSet } from '../engine';
import { sectionOf, sectionStep, type Step } from '../assessment/step';

export interface QuestionnaireContext {
  answers: AnswerMap;
  /** Question ids whose answers the last change dropped (they are no longer asked). */
  dropped: string[];
  /** True after NEXT was refused because a required question has no answer (the form shows errors). */
  attempted: boolean;
  /** The question to bring into view and focus when a section opens (EDIT from the result). */
  focus?: string;
  /** The step to resume at (from the saved session), read once when the machine starts. */
  resume?: Step;
}

export type QuestionnaireEvent =
  | { type: 'START' }
  | { type: 'ANSWER'; answers: Record<string, AnswerValue | null> }
  | { type: 'NEXT' }
  | { type: 'BACK' }
  | { type: 'JUMP'; section: string }
  | { type: 'EDIT'; question: string }
  | { type: 'FINISH' }
  | { type: 'REVIEW' }
  | { type: 'DISMISS_DROPPED' }
  | { type: 'RESTART' };

export interface QuestionnaireInput {
  answers?: AnswerMap;
  step?: Step;
}

export function createQuestionnaireMachine(rs: RuleSet) {
  const sectionIds = rs.sections.map((s) => s.id);
  const sectionOfQuestion = (questionId: string) => rs.questionById.get(questionId)?.section;

  const m = setup({
    types: {
      context: {} as QuestionnaireContext,
      events: {} as QuestionnaireEvent,
      input: {} as QuestionnaireInput,
    },
    guards: {
      hasQuestions: ({ context }, params: { section: string }) => sectionHasQuestions(rs, context.answers, params.section),
      sectionComplete: ({ context }, params: { section: string }) => missingQuestions(rs, context.answers, params.section).length === 0,
      allComplete: ({ context }) => allAnswered(rs, context.answers),
      /** Every regime is settled out of scope: nothing left to ask, the result says why. */
      outOfScopeEverywhere: ({ context }) => allAnswered(rs, context.answers) && settledOutOfScope(rs, context.answers),
      jumpsTo: ({ context, event }, params: { section: string }) =>
        event.type === 'JUMP' && event.section === params.section && sectionHasQuestions(rs, context.answers, params.section),
      editsIn: ({ context, event }, params: { section: string }) =>
        event.type === 'EDIT' && sectionOfQuestion(event.question) === params.section && sectionHasQuestions(rs, context.answers, params.section),
      resumesIncompleteAt: ({ context }, params: { section: string }) =>
        context.resume === 'result' && firstIncompleteSection(rs, context.answers) === params.section,
      resumesAt: ({ context }, params: { step: Step }) => {
        if (context.resume !== params.step) return false;
        if (params.step === 'result') return allAnswered(rs, context.answers);
        const section = sectionOf(params.step);
        if (section) return sectionHasQuestions(rs, context.answers, section);
        return true;
      },
    },
    actions: {
      applyAnswers: assign(({ context, event }) => {
        if (event.type !== 'ANSWER') return {};
        const { answers, dropped } = applyAnswers(rs, context.answers, event.answers);
        return { answers, dropped: dropped.length ? dropped : context.dropped };
      }),
      markAttempted: assign({ attempted: true }),
      enterSection: assign({ attempted: false }),
      clearFocus: assign({ focus: undefined }),
      focusEdited: assign({ focus: ({ event }) => (event.type === 'EDIT' ? event.question : undefined) }),
      dismissDropped: assign({ dropped: [] }),
      forgetResume: assign({ resume: undefined }),
      reset: assign({ answers: {}, dropped: [], attempted: false, focus: undefined }),
    },
  });

  const target = (id: string) => `#questionnaire.sections.${id}`;
  /** Transitions to the first of `candidates` with a question asked now, else to `fallback`. */
  const firstWithQuestions = (candidates: string[], fallback: string) => [
    ...candidates.map((id) => ({ guard: { type: 'hasQuestions' as const, params: { section: id } }, target: target(id) })),
    { target: fallback },
  ];
  /** Forward from a section: the next section asked; past the last one, the review — or, when no regime can apply, the result. */
  const forward = (candidates: string[]) => [
    ...candidates.map((id) => ({ guard: { type: 'hasQuestions' as const, params: { section: id } }, target: target(id) })),
    { guard: 'outOfScopeEverywhere' as const, target: '#questionnaire.result' },
    { target: '#questionnaire.review' },
  ];

  const sectionStates = Object.fromEntries(
    sectionIds.map((id, i) => [
      id,
      {
        entry: 'enterSection' as const,
        exit: 'clearFocus' as const,
        on: {
          NEXT: [
            { guard: not({ type: 'sectionComplete' as const, params: { section: id } }), actions: 'markAttempted' as const },
            ...forward(sectionIds.slice(i + 1)),
          ],
          BACK: firstWithQuestions(sectionIds.slice(0, i).reverse(), '#questionnaire.intro'),
          FINISH: { guard: and(['allComplete', { type: 'sectionComplete' as const, params: { section: id } }]), target: '#questionnaire.result' },
        },
      },
    ]),
  );

  const steps: Step[] = ['intro', 'review', 'result', ...sectionIds.map(sectionStep)];
  const stepTarget = (s: Step) => {
    const section = sectionOf(s);
    return section ? target(section) : `#questionnaire.${s}`;
  };

  return m.createMachine({
    id: 'questionnaire',
    context: ({ input }) => ({ answers: applyAnswers(rs, {}, input.answers ?? {}).answers, dropped: [], attempted: false, resume: input.step }),
    initial: 'boot',
    on: {
      RESTART: { target: '.intro', actions: 'reset' },
      DISMISS_DROPPED: { actions: 'dismissDropped' },
      JUMP: sectionIds.map((id) => ({ guard: { type: 'jumpsTo' as const, params: { section: id } }, target: target(id) })),
    },
    states: {
      /** Resumes where the saved session was, if that step is still reachable; else the start. */
      boot: {
        exit: 'forgetResume',
        always: [
          ...steps.map((s) => ({ guard: { type: 'resumesAt' as const, params: { step: s } }, target: stepTarget(s) })),
          // A saved or imported result with questions still open resumes at the first of them.
          ...sectionIds.map((id) => ({ guard: { type: 'resumesIncompleteAt' as const, params: { section: id } }, target: target(id) })),
          { target: 'intro' },
        ],
      },
      intro: {
        on: { START: firstWithQuestions(sectionIds, '#questionnaire.review') },
      },
      sections: {
        initial: sectionIds[0]!,
        on: {
          ANSWER: { actions: 'applyAnswers' },
          // From a conflict note: to the other question involved, in whichever section it is.
          EDIT: sectionIds.map((id) => ({ guard: { type: 'editsIn' as const, params: { section: id } }, target: target(id), actions: 'focusEdited' as const })),
        },
        states: sectionStates,
      },
      review: {
        on: {
          BACK: firstWithQuestions([...sectionIds].reverse(), '#questionnaire.intro'),
          FINISH: [
            { guard: 'allComplete', target: 'result' },
            ...sectionIds.map((id) => ({ guard: not({ type: 'sectionComplete' as const, params: { section: id } }), target: target(id) })),
          ],
        },
      },
      result: {
        on: {
          EDIT: sectionIds.map((id) => ({ guard: { type: 'editsIn' as const, params: { section: id } }, target: target(id), actions: 'focusEdited' as const })),
          REVIEW: 'review',
        },
      },
    },
  });
}

export type QuestionnaireMachine = ReturnType<typeof createQuestionnaireMachine>;
export type QuestionnaireSnapshot = SnapshotFrom<QuestionnaireMachine>;

/** The step a snapshot is on (what is persisted). */
export function stepOf(snapshot: QuestionnaireSnapshot): Step {
  const v = snapshot.value;
  if (typeof v === 'string') return v === 'boot' ? 'intro' : (v as Step);
  const section = (v as { sections?: string }).sections;
  return section ? sectionStep(section) : 'intro';
}
