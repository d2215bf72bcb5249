/**
 * The questionnaire statechart, walked with @xstate/graph over every reachable state when each
 * section is answered from one of two answer sources (so sections hidden by one source's answers and
 * shown by the other's are both covered), plus the worked examples answered end to end.
 */
import { getAdjacencyMap } from '@xstate/graph';
import { createActor, transition } from 'xstate';
import { beforeAll, describe, expect, it } from 'vitest';
import { askedQuestions, assess, missingQuestions, sectionHasQuestions, visibleQuestions, type Answers, type RuleSet } from '../engine';
import { exampleAnswers, projectRules } from '../testing/fixtures';
import { createQuestionnaireMachine, stepOf, type QuestionnaireEvent, type QuestionnaireSnapshot } from './machine';
import { fillSection } from '../testing/walk';

const EXAMPLES = ['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9'];
let rs: RuleSet;
beforeAll(() => {
  rs = projectRules();
});

const assessJson = (answers: Record<string, unknown>) => {
  const r = assess(rs, answers, { date: '2026-11-23' });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return JSON.parse(JSON.stringify({ regimes: r.assessment.regimes, duties: r.assessment.duties, overall: r.assessment.overall }));
};

/** Drives a fresh machine through the questionnaire, answering each section from `source`. */
function answerThrough(source: Record<string, unknown>) {
  const actor = createActor(createQuestionnaireMachine(rs), { input: {} }).start();
  actor.send({ type: 'START' });
  const visited: string[] = [];
  for (let guard = 0; guard < 50 && stepOf(actor.getSnapshot()).startsWith('section:'); guard++) {
    const section = stepOf(actor.getSnapshot()).slice(8);
    visited.push(section);
    actor.send({ type: 'ANSWER', answers: fillSection(rs, actor.getSnapshot().context.answers, section, source) });
    actor.send({ type: 'NEXT' });
  }
  expect(stepOf(actor.getSnapshot())).toBe('review');
  actor.send({ type: 'FINISH' });
  return { actor, visited };
}

describe('questionnaire machine: the worked examples answered through it', () => {
  it.each(EXAMPLES)('%s: the machine collects answers that assess exactly like the example file', (id) => {
    const source = exampleAnswers(id) as Record<string, unknown>;
    const { actor, visited } = answerThrough(source);
    expect(stepOf(actor.getSnapshot())).toBe('result');
    const { answers } = actor.getSnapshot().context;
    // Every example answer whose question is asked was collected, and nothing else but required gaps.
    const asked = askedQuestions(rs, source as Answers);
    for (const [q, v] of Object.entries(source)) if (asked.get(q) !== 'hidden') expect(answers[q], q).toEqual(v);
    expect(assessJson(answers)).toEqual(assessJson(source));
    // Sections without a question asked under these answers were skipped, the others visited in order.
    const expected = rs.sections.filter((s) => visibleQuestions(rs, answers, s.id).length > 0).map((s) => s.id);
    expect(visited).toEqual(expected);
  });
});

describe('questionnaire machine: every reachable state (@xstate/graph)', () => {
  const SOURCES = ['E1', 'E6'];
  let graph: ReturnType<typeof getAdjacencyMap<QuestionnaireSnapshot, QuestionnaireEvent, unknown>>;
  let states: QuestionnaireSnapshot[];

  beforeAll(() => {
    const sources = SOURCES.map((id) => exampleAnswers(id) as Record<string, unknown>);
    const events = (s: QuestionnaireSnapshot): QuestionnaireEvent[] => {
      const step = stepOf(s);
      if (step === 'intro') return [{ type: 'START' }];
      if (step === 'review') return [{ type: 'FINISH' }, { type: 'BACK' }, ...rs.sections.map((x) => ({ type: 'JUMP' as const, section: x.id }))];
      if (step === 'result') return [{ type: 'REVIEW' }, { type: 'RESTART' }, ...['uses_people', 'gpai_model', 'eu_nexus'].map((q) => ({ type: 'EDIT' as const, question: q }))];
      const section = step.slice(8);
      const fills = missingQuestions(rs, s.context.answers, section).length
        ? sources.map((src) => ({ type: 'ANSWER' as const, answers: fillSection(rs, s.context.answers, section, src) }))
        : [];
      return [...fills, { type: 'NEXT' }, { type: 'BACK' }, { type: 'FINISH' }];
    };
    const machine = createQuestionnaireMachine(rs);
    graph = getAdjacencyMap(machine, {
      input: {},
      events,
      serializeState: (s) => JSON.stringify([s.value, s.context.answers, s.context.attempted]),
    });
    states = Object.values(graph).map((v) => v.state);
  }, 120_000);

  it('explores a real graph (both sources, all sections, review and result)', () => {
    const steps = new Set(states.map(stepOf));
    expect(steps).toContain('result');
    expect(steps).toContain('review');
    for (const s of rs.sections) expect(steps, s.id).toContain(`section:${s.id}`);
    expect(states.length).toBeGreaterThan(100);
    console.info(`statechart walk: ${states.length} states, ${Object.values(graph).reduce((n, v) => n + Object.keys(v.transitions).length, 0)} transitions`);
  });

  it('from every reachable state the result can still be reached', () => {
    const reverse = new Map<string, string[]>();
    for (const [from, v] of Object.entries(graph)) {
      for (const t of Object.values(v.transitions) as { state: QuestionnaireSnapshot }[]) {
        const to = JSON.stringify([t.state.value, t.state.context.answers, t.state.context.attempted]);
        reverse.set(to, [...(reverse.get(to) ?? []), from]);
      }
    }
    const canReach = new Set(Object.entries(graph).filter(([, v]) => stepOf(v.state) === 'result').map(([k]) => k));
    const queue = [...canReach];
    while (queue.length) {
      for (const p of reverse.get(queue.pop()!) ?? []) {
        if (canReach.has(p)) continue;
        canReach.add(p);
        queue.push(p);
      }
    }
    const stuck = Object.entries(graph).filter(([k]) => !canReach.has(k)).map(([, v]) => stepOf(v.state));
    expect(stuck).toEqual([]);
  });

  it('never enters a section with no question asked, and never keeps an answer to a hidden question', () => {
    for (const s of states) {
      const step = stepOf(s);
      if (step.startsWith('section:')) expect(sectionHasQuestions(rs, s.context.answers, step.slice(8)), step).toBe(true);
      const asked = askedQuestions(rs, s.context.answers);
      for (const q of Object.keys(s.context.answers)) expect(asked.get(q), `${step}: ${q}`).not.toBe('hidden');
    }
  });

  it('reaches the result only with every asked question answered', () => {
    for (const s of states.filter((x) => stepOf(x) === 'result')) {
      for (const sec of rs.sections) expect(missingQuestions(rs, s.context.answers, sec.id)).toEqual([]);
    }
  });

  it('NEXT then BACK, and BACK then NEXT, come back to the same section with the same answers', () => {
    const machine = createQuestionnaireMachine(rs);
    let checked = 0;
    for (const s of states) {
      const step = stepOf(s);
      if (!step.startsWith('section:')) continue;
      for (const [first, second] of [['NEXT', 'BACK'], ['BACK', 'NEXT']] as const) {
        const [a] = transition(machine, s, { type: first });
        if (!stepOf(a).startsWith('section:') || stepOf(a) === step) continue; // refused, or left for intro/review
        const [b] = transition(machine, a, { type: second });
        expect(stepOf(b), `${step} ${first}/${second}`).toBe(step);
        expect(b.context.answers).toEqual(s.context.answers);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('refuses NEXT while a required question is unanswered, and says so', () => {
    const refused = states.filter((s) => stepOf(s).startsWith('section:') && missingQuestions(rs, s.context.answers, stepOf(s).slice(8)).length > 0);
    expect(refused.length).toBeGreaterThan(0);
    const machine = createQuestionnaireMachine(rs);
    for (const s of refused) {
      const [after] = transition(machine, s, { type: 'NEXT' });
      expect(stepOf(after)).toBe(stepOf(s));
      expect(after.context.attempted).toBe(true);
    }
  });
});

describe('questionnaire machine: changing an earlier answer', () => {
  it('drops the answers of questions it hides, names them, and they count toward nothing', () => {
    const source = exampleAnswers('E1') as Record<string, unknown>;
    const { actor } = answerThrough(source);
    const before = actor.getSnapshot().context.answers;
    expect(before.eu_roles).toBeDefined();
    actor.send({ type: 'EDIT', question: 'eu_nexus' });
    expect(stepOf(actor.getSnapshot())).toBe('section:scope');
    expect(actor.getSnapshot().context.focus).toBe('eu_nexus');
    actor.send({ type: 'ANSWER', answers: { eu_nexus: ['none'] } });
    const { answers, dropped } = actor.getSnapshot().context;
    expect(dropped).toContain('eu_roles');
    expect(answers.eu_roles).toBeUndefined();
    const asked = askedQuestions(rs, answers);
    for (const q of dropped) expect(asked.get(q)).toBe('hidden');
    expect(assessJson(answers)).toEqual(assessJson(Object.fromEntries(Object.entries(before).filter(([k]) => !dropped.includes(k)).concat([['eu_nexus', ['none']]]))));
    actor.send({ type: 'DISMISS_DROPPED' });
    expect(actor.getSnapshot().context.dropped).toEqual([]);
  });

  it('RESTART clears every answer and returns to the intro', () => {
    const { actor } = answerThrough(exampleAnswers('E2') as Record<string, unknown>);
    actor.send({ type: 'RESTART' });
    expect(stepOf(actor.getSnapshot())).toBe('intro');
    expect(actor.getSnapshot().context.answers).toEqual({});
  });
});

describe('questionnaire machine: resuming a saved session', () => {
  it('starts at the saved step when it is still reachable, otherwise at the nearest sensible one', () => {
    const answers = answerThrough(exampleAnswers('E1') as Record<string, unknown>).actor.getSnapshot().context.answers as Record<string, never>;
    const at = (step: string, a: Record<string, never> = answers) => stepOf(createActor(createQuestionnaireMachine(rs), { input: { answers: a, step: step as never } }).start().getSnapshot());
    expect(at('result')).toBe('result');
    // A result saved with required questions open resumes at the first of them.
    const withGap = Object.fromEntries(Object.entries(answers).filter(([k]) => k !== 'uses_people')) as Record<string, never>;
    expect(at('result', withGap)).toBe(`section:${rs.questionById.get('uses_people')!.section}`);
    expect(at('section:people')).toBe('section:people');
    expect(at('review')).toBe('review');
    expect(at('section:nonexistent')).toBe('intro');
  });
});
