/**
 * Witness search for `rules:check`: every question must be asked, every option chosen, every
 * indicator true, every tier rule decisive and every duty certain for at least one answer set the
 * rule set allows. A seeded random search finds a witness for each; what it cannot find is reported
 * (a condition that can never hold is almost always a mistake in the rules).
 */
import { parseAnswers } from './answers';
import { assess } from './assess';
import { type AnswerValue, T, programOf } from './program';
import type { RuleSet } from './ruleset';
import { sampleAnswers, seededRandom } from './sample';
import { REGIMES } from './constants';

export interface CoverageTarget {
  kind: 'question' | 'option' | 'indicator' | 'tier-rule' | 'finding' | 'consistency' | 'duty';
  id: string;
  file: string;
}

export interface CoverageReport {
  samples: number;
  targets: number;
  /** Targets with a witness: the first answer set found for each. */
  witnesses: Map<string, Record<string, AnswerValue>>;
  missing: CoverageTarget[];
}

const key = (t: Pick<CoverageTarget, 'kind' | 'id'>) => `${t.kind}:${t.id}`;

export function findWitnesses(rs: RuleSet, opts: { samples: number; seed: number; date?: string }): CoverageReport {
  const p = programOf(rs);
  const targets: CoverageTarget[] = [];
  for (const q of rs.questions) {
    targets.push({ kind: 'question', id: q.id, file: q.file });
    for (const o of q.options ?? []) targets.push({ kind: 'option', id: `${q.id}=${o.id}`, file: q.file });
  }
  for (const ind of rs.indicators.values()) targets.push({ kind: 'indicator', id: ind.id, file: ind.file });
  for (const regime of REGIMES) for (const r of rs.tiers[regime].rules) targets.push({ kind: 'tier-rule', id: r.id, file: rs.tiers[regime].file });
  for (const regime of REGIMES) for (const f of rs.tiers[regime].findings ?? []) targets.push({ kind: 'finding', id: f.id, file: rs.tiers[regime].file });
  for (const c of rs.consistency) targets.push({ kind: 'consistency', id: c.id, file: c.file });
  for (const d of rs.duties) targets.push({ kind: 'duty', id: d.id, file: d.file });

  const witnesses = new Map<string, Record<string, AnswerValue>>();
  const date = opts.date ?? rs.date;
  // Vary the sampler's biases across samples so that both broad and narrow answer sets occur.
  const profiles = [
    { notSure: 0.0, skip: 0, tick: 0.25 },
    { notSure: 0.0, skip: 0, tick: 0.5 },
    { notSure: 0.0, skip: 0, tick: 0.1 },
    { notSure: 0.1, skip: 0.05, tick: 0.3 },
  ];
  const rng = seededRandom(opts.seed);
  const indicatorIdx = [...rs.indicators.keys()].map((id) => [id, p.refIndex.get(id)!] as const);
  const wanted = new Set(targets.map(key));
  let n = 0;
  for (; n < opts.samples && wanted.size > 0; n++) {
    const answers = sampleAnswers(rs, rng, profiles[n % profiles.length]);
    const note = (kind: CoverageTarget['kind'], id: string) => {
      const k = key({ kind, id });
      if (wanted.delete(k)) witnesses.set(k, answers);
    };
    const { state } = parseAnswers(rs, answers);
    // The sampler answers only questions asked under the answers before them: each is a witness,
    // even where a conflict later puts its asking in doubt.
    for (const q of rs.questions) {
      if (state.vis[q.index] === T) note('question', q.id);
      const v = answers[q.id];
      if (v === undefined) continue;
      for (const o of Array.isArray(v) ? v : [v]) note('option', `${q.id}=${String(o)}`);
    }
    for (const [id, idx] of indicatorIdx) if (p.refNodes[idx]!.eval(state) === T) note('indicator', id);
    const res = assess(rs, answers, { date });
    if (!res.ok) throw new Error(`internal: the sampler produced an invalid answer set: ${res.errors[0]!.message}`);
    const a = res.assessment;
    for (const regime of REGIMES) {
      const r = a.regimes[regime];
      if (r.tier === 'needs_review') continue;
      const decisive = r.reasons.filter((x) => x.kind === 'rule' && !x.tentative).pop();
      if (decisive) note('tier-rule', decisive.id);
      // A rule not yet in force on the check date is witnessed when it would decide from its date.
      for (const u of r.upcoming ?? []) if (!u.tentative) note('tier-rule', u.rule);
      for (const x of r.reasons) if (x.kind === 'finding' && !x.tentative) note('finding', x.id);
    }
    for (const c of a.conflicts) note('consistency', c.id);
    for (const d of [...a.duties, ...a.notices]) if (d.certain) note('duty', d.id);
  }
  return { samples: n, targets: targets.length, witnesses, missing: targets.filter((t) => !witnesses.has(key(t))) };
}
