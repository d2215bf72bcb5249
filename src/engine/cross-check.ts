/** Cross-references of a rule set: every article cited exists, every condition names real questions, options, indicators and terms, tier files are well ordered. */
import type { Condition } from './schema';

import { REGIMES } from './constants';
import { type Article, type Indicator, type Question, type RegimeTiers, type RuleSet, type RuleSetError, type Term } from './ruleset';

export function checkTierFile(t: RegimeTiers, refs: CrossChecker, errors: RuleSetError[]): void {
  if (t.tiers[t.tiers.length - 1] !== 'out_of_scope') {
    errors.push({ file: t.file, path: 'tiers', message: 'the last tier must be out_of_scope' });
  }
  if (new Set(t.tiers).size !== t.tiers.length) errors.push({ file: t.file, path: 'tiers', message: 'a tier is listed twice' });
  const seen = new Set<string>();
  t.rules.forEach((r, i) => {
    if (seen.has(r.id)) errors.push({ file: t.file, path: `rules[${i}].id`, message: `rule "${r.id}" is defined twice` });
    seen.add(r.id);
    if (!t.tiers.includes(r.tier)) errors.push({ file: t.file, path: `rules[${i}].tier`, message: `tier "${r.tier}" is not one of ${t.regime}'s tiers (${t.tiers.join(', ')})` });
    r.cites.forEach((id, j) => refs.article(id, t.file, `rules[${i}].cites[${j}]`));
    if (r.when) refs.condition(r.when, { file: t.file, path: `rules[${i}].when`, allowTier: false });
    if (r.otherwise && i !== t.rules.length - 1) errors.push({ file: t.file, path: `rules[${i}]`, message: '"otherwise" must be the last rule' });
    if (r.inScope && r.tier !== 'out_of_scope') errors.push({ file: t.file, path: `rules[${i}].inScope`, message: 'inScope is only for out_of_scope rules' });
    r.notes?.forEach((n, j) => {
      refs.condition(n.when, { file: t.file, path: `rules[${i}].notes[${j}].when`, allowTier: true });
      n.cites?.forEach((id, k) => refs.article(id, t.file, `rules[${i}].notes[${j}].cites[${k}]`));
    });
  });
  t.findings?.forEach((f, i) => {
    f.cites.forEach((id, j) => refs.article(id, t.file, `findings[${i}].cites[${j}]`));
    refs.condition(f.when, { file: t.file, path: `findings[${i}].when`, allowTier: true });
  });
  if (!t.rules[t.rules.length - 1]?.otherwise) errors.push({ file: t.file, path: 'rules', message: 'the last rule must be "otherwise: true" so every answer set gets a tier' });
  t.caveats?.forEach((c, i) => c.cites.forEach((id, j) => refs.article(id, t.file, `caveats[${i}].cites[${j}]`)));
}

interface CondContext {
  file: string;
  path: string;
  allowTier: boolean;
  /** For askedWhen: conditions may only look at questions asked earlier. */
  beforeIndex?: number;
}

export class CrossChecker {
  private readonly refGraph = new Map<string, Set<string>>();

  constructor(
    private readonly errors: RuleSetError[],
    private readonly articles: ReadonlyMap<string, Article>,
    private readonly questions: ReadonlyMap<string, Question>,
    private readonly indicators: ReadonlyMap<string, Indicator>,
    private readonly terms: ReadonlyMap<string, Term>,
  ) {}

  article(id: string, file: string, path: string): void {
    if (!this.articles.has(id)) this.errors.push({ file, path, message: `cites article ${id}, which is not in rules/sources` });
  }

  checkQuestions(questions: readonly Question[]): void {
    for (const q of questions) {
      const path = `question ${q.id}`;
      q.cites.forEach((id, j) => this.article(id, q.file, `${path}.cites[${j}]`));
      q.options?.forEach((o, j) => o.cites?.forEach((id, k) => this.article(id, q.file, `${path}.options[${j}].cites[${k}]`)));
      if (q.askedWhen) this.condition(q.askedWhen, { file: q.file, path: `${path}.askedWhen`, allowTier: false, beforeIndex: q.index });
    }
  }

  condition(c: Condition, ctx: CondContext): void {
    const { file, path } = ctx;
    if (c.all) c.all.forEach((s, i) => this.condition(s, { ...ctx, path: `${path}.all[${i}]` }));
    else if (c.any) c.any.forEach((s, i) => this.condition(s, { ...ctx, path: `${path}.any[${i}]` }));
    else if (c.not) this.condition(c.not, { ...ctx, path: `${path}.not` });
    else if (c.tier) {
      if (!ctx.allowTier) this.errors.push({ file, path, message: 'a tier test cannot be used here (tiers are decided from answers, indicators and terms without tiers)' });
    } else if (c.ref !== undefined) {
      const target = this.indicators.get(c.ref) ?? this.terms.get(c.ref);
      if (!target) {
        this.errors.push({ file, path, message: `refers to "${c.ref}", which is neither an indicator nor a term` });
        return;
      }
      const owner = ownerName(path);
      if (owner) {
        const set = this.refGraph.get(owner) ?? new Set();
        set.add(c.ref);
        this.refGraph.set(owner, set);
      }
      if (!ctx.allowTier && conditionUsesTier(target.when, this.indicators, this.terms, new Set())) {
        this.errors.push({ file, path, message: `"${c.ref}" depends on a tier, so it cannot be used here` });
      }
      if (ctx.beforeIndex !== undefined) {
        const late = latestQuestion(target.when, this.questions, this.indicators, this.terms, new Set());
        if (late && late.index >= ctx.beforeIndex) {
          this.errors.push({ file, path, message: `"${c.ref}" looks at question "${late.id}", which is not asked before this one` });
        }
      }
    } else if (c.q !== undefined) this.questionTest(c, ctx);
  }

  private questionTest(c: Condition, ctx: CondContext): void {
    const { file, path } = ctx;
    const q = this.questions.get(c.q!);
    if (!q) {
      this.errors.push({ file, path, message: `names question "${c.q}", which does not exist` });
      return;
    }
    if (ctx.beforeIndex !== undefined && q.index >= ctx.beforeIndex) {
      this.errors.push({ file, path, message: `looks at question "${q.id}", which is not asked before this one` });
    }
    const values: string[] = [];
    if (c.equals !== undefined) values.push(c.equals);
    if (c.in) values.push(...c.in);
    if (c.includes !== undefined) values.push(c.includes);
    if (c.includesAny) values.push(...c.includesAny);
    const usesChoice = c.equals !== undefined || c.in !== undefined;
    const usesIncludes = c.includes !== undefined || c.includesAny !== undefined;
    if (usesChoice && !(q.type === 'yesno' || q.type === 'single')) {
      this.errors.push({ file, path, message: `"equals"/"in" need a yes/no or single-choice question; "${q.id}" is ${q.type} (use includes/includesAny)` });
    }
    if (usesIncludes && q.type !== 'multi') {
      this.errors.push({ file, path, message: `"includes"/"includesAny" need a multi-choice question; "${q.id}" is ${q.type} (use equals/in)` });
    }
    if ((c.gte !== undefined || c.lt !== undefined) && q.type !== 'number') {
      this.errors.push({ file, path, message: `"gte"/"lt" need a number question; "${q.id}" is ${q.type}` });
    }
    for (const v of values) {
      if (!q.allowed.has(v)) {
        this.errors.push({ file, path, message: `question "${q.id}" has no option "${v}" (options: ${[...q.allowed].join(', ')})` });
      }
    }
  }

  checkRefCycles(): void {
    const state = new Map<string, 1 | 2>();
    const visit = (n: string, trail: string[]): void => {
      if (state.get(n) === 2) return;
      if (state.get(n) === 1) {
        const item = this.indicators.get(n) ?? this.terms.get(n);
        this.errors.push({ file: item?.file ?? 'rules/indicators', path: n, message: `circular definition: ${[...trail, n].join(' → ')}` });
        return;
      }
      state.set(n, 1);
      for (const m of this.refGraph.get(n) ?? []) visit(m, [...trail, n]);
      state.set(n, 2);
    };
    for (const n of this.refGraph.keys()) visit(n, []);
  }
}

/** `indicator X.when...` / `term X.when...` → X (the name whose definition holds the ref). */
function ownerName(path: string): string | undefined {
  const m = /^(?:indicator|term) ([^ ]+?)\.when/.exec(path);
  return m?.[1];
}

function conditionUsesTier(
  c: Condition,
  indicators: ReadonlyMap<string, Indicator>,
  terms: ReadonlyMap<string, Term>,
  seen: Set<string>,
): boolean {
  if (c.tier) return true;
  if (c.all) return c.all.some((s) => conditionUsesTier(s, indicators, terms, seen));
  if (c.any) return c.any.some((s) => conditionUsesTier(s, indicators, terms, seen));
  if (c.not) return conditionUsesTier(c.not, indicators, terms, seen);
  if (c.ref !== undefined) {
    if (seen.has(c.ref)) return false;
    seen.add(c.ref);
    const t = indicators.get(c.ref) ?? terms.get(c.ref);
    return t ? conditionUsesTier(t.when, indicators, terms, seen) : false;
  }
  return false;
}

function latestQuestion(
  c: Condition,
  questions: ReadonlyMap<string, Question>,
  indicators: ReadonlyMap<string, Indicator>,
  terms: ReadonlyMap<string, Term>,
  seen: Set<string>,
): Question | undefined {
  const parts: Condition[] = c.all ?? c.any ?? (c.not ? [c.not] : []);
  let best: Question | undefined;
  const consider = (q: Question | undefined) => {
    if (q && (!best || q.index > best.index)) best = q;
  };
  for (const p of parts) consider(latestQuestion(p, questions, indicators, terms, seen));
  if (c.q !== undefined) consider(questions.get(c.q));
  if (c.ref !== undefined && !seen.has(c.ref)) {
    seen.add(c.ref);
    const t = indicators.get(c.ref) ?? terms.get(c.ref);
    if (t) consider(latestQuestion(t.when, questions, indicators, terms, seen));
  }
  return best;
}

/** Every question a condition looks at, directly or through the indicators and terms it refers to. */
export function questionsOf(
  c: Condition,
  indicators: ReadonlyMap<string, Indicator>,
  terms: ReadonlyMap<string, Term>,
  seen: Set<string>,
  out: Set<string> = new Set(),
): Set<string> {
  for (const p of c.all ?? c.any ?? (c.not ? [c.not] : [])) questionsOf(p, indicators, terms, seen, out);
  if (c.q !== undefined) out.add(c.q);
  if (c.ref !== undefined && !seen.has(c.ref)) {
    seen.add(c.ref);
    const t = indicators.get(c.ref) ?? terms.get(c.ref);
    if (t) questionsOf(t.when, indicators, terms, seen, out);
  }
  return out;
}

/** Every cross-reference of a built rule set (the validating loader's last step; see `buildRuleSet`). */
export function checkReferences(rs: RuleSet, manifestFile: string, errors: RuleSetError[]): void {
  const { articles, questionById, indicators, terms, questions, duties, consistency, glossary, manifest } = rs;
  const refs = new CrossChecker(errors, articles, questionById, indicators, terms);
  refs.checkQuestions(questions);
  for (const ind of indicators.values()) {
    Object.entries(ind.cites).forEach(([regime, ids]) =>
      ids?.forEach((id, j) => refs.article(id, ind.file, `indicator ${ind.id}.cites.${regime}[${j}]`)),
    );
    ind.reference?.forEach((id, j) => refs.article(id, ind.file, `indicator ${ind.id}.reference[${j}]`));
    Object.entries(ind.context ?? {}).forEach(([regime, ids]) =>
      ids?.forEach((id, j) => refs.article(id, ind.file, `indicator ${ind.id}.context.${regime}[${j}]`)),
    );
    refs.condition(ind.when, { file: ind.file, path: `indicator ${ind.id}.when`, allowTier: false });
  }
  for (const t of terms.values()) {
    t.cites?.forEach((id, j) => refs.article(id, t.file, `term ${t.id}.cites[${j}]`));
    refs.condition(t.when, { file: t.file, path: `term ${t.id}.when`, allowTier: true });
  }
  refs.checkRefCycles();
  for (const regime of REGIMES) {
    const t = rs.tiers[regime] as RegimeTiers | undefined;
    if (!t) {
      errors.push({ file: 'rules/tiers', path: regime, message: `regime ${regime} has no tier file` });
      continue;
    }
    checkTierFile(t, refs, errors);
  }
  duties.forEach((d) => {
    const where = `duty ${d.id}`;
    refs.article(d.article, d.file, `${where}.article`);
    d.alsoCites?.forEach((id, j) => refs.article(id, d.file, `${where}.alsoCites[${j}]`));
    refs.condition(d.when, { file: d.file, path: `${where}.when`, allowTier: true });
    if (Array.isArray(d.from)) d.from.forEach((e, j) => e.when && refs.condition(e.when, { file: d.file, path: `${where}.from[${j}].when`, allowTier: true }));
    if (d.regime !== 'CN' && d.regime !== 'GPAI' && !d.article.startsWith(`${d.regime}-`)) {
      errors.push({ file: d.file, path: `${where}.article`, message: `a ${d.regime} duty must cite a ${d.regime} article, not ${d.article}` });
    }
    if ((d.regime === 'SH' || d.regime === 'SZ') && !d.forceBasis) {
      errors.push({ file: d.file, path: `${where}.forceBasis`, message: `a ${d.regime} duty records why it is ${d.kind} (forceBasis: the sentence's verb and addressee)` });
    }
  });
  manifest.answerChanges?.forEach((c, i) => {
    for (const [q, v] of Object.entries(c.becomes ?? {})) {
      const target = questionById.get(q);
      const bad = !target ? `question "${q}" does not exist` : (Array.isArray(v) ? v : [v]).find((x) => !target.allowed.has(x));
      if (bad !== undefined) errors.push({ file: manifestFile, path: `answerChanges[${i}].becomes.${q}`, message: !target ? String(bad) : `question "${q}" has no option "${bad}"` });
    }
  });
  consistency.forEach((c) => {
    const where = `consistency ${c.id}`;
    c.cites.forEach((id, j) => refs.article(id, c.file, `${where}.cites[${j}]`));
    refs.condition(c.when, { file: c.file, path: `${where}.when`, allowTier: false });
    const mentioned = questionsOf(c.when, indicators, terms, new Set());
    c.questions.forEach((q, j) => {
      if (!questionById.has(q)) errors.push({ file: c.file, path: `${where}.questions[${j}]`, message: `names question "${q}", which does not exist` });
      else if (!mentioned.has(q)) errors.push({ file: c.file, path: `${where}.questions[${j}]`, message: `question "${q}" is not looked at by the condition` });
    });
  });
  glossary.forEach((g) => g.cites.forEach((id, j) => refs.article(id, g.file, `glossary ${g.id}.cites[${j}]`)));
}
