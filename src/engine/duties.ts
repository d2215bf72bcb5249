/** A duty's result when open answers decide it, and the date a duty applies from. */
import { type EvalState, F, type Node, type Program, T, U } from './program';
import type { Duty } from './ruleset';
import { type DutyKind, type DutyRegime } from './constants';
import type { DutyResult } from './assessment';
import { supportIds } from './explain';

/** A duty that applies only if open questions are settled one way; what it depends on is computed on first read. */
export class UncertainDuty implements DutyResult {
  readonly id: string;
  readonly regime: DutyRegime;
  readonly kind: DutyKind;
  readonly mandatory: boolean;
  readonly article: string;
  readonly certain = false;
  // What the duty depends on is worked out from these on first read (then they are let go).
  #p: Program | undefined;
  #node: Node | undefined;
  #state: EvalState | undefined;
  #dependsOn: string[] | undefined;

  constructor(duty: Duty, readonly articles: readonly string[], readonly from: string, readonly appliesNow: boolean, p: Program, node: Node, state: EvalState) {
    this.id = duty.id;
    this.regime = duty.regime;
    this.kind = duty.kind;
    this.mandatory = duty.kind === 'duty';
    this.article = duty.article;
    this.#p = p;
    this.#node = node;
    this.#state = state;
  }

  get dependsOn(): string[] {
    if (!this.#dependsOn) {
      this.#dependsOn = supportIds(this.#p!, this.#node!, this.#state!, U);
      this.#p = this.#node = this.#state = undefined;
    }
    return this.#dependsOn;
  }

  toJSON(): DutyResult {
    const { id, regime, kind, mandatory, article, articles, from, appliesNow, certain, dependsOn } = this;
    return { id, regime, kind, mandatory, article, articles, from, appliesNow, certain, dependsOn };
  }
}

export function dateOf(duty: Duty, from: { when?: Node; date: string }[], state: EvalState): string {
  // The earliest date that may apply: a cautious reading when an open answer decides the date.
  let best: string | undefined;
  for (const e of from) {
    const v = e.when ? e.when.eval(state) : T;
    if (v === F) continue;
    if (best === undefined || e.date < best) best = e.date;
    if (v === T) break;
  }
  return best ?? (typeof duty.from === 'string' ? duty.from : duty.from[duty.from.length - 1]!.date);
}
