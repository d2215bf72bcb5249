/**
 * Turns the raw rule files into a validated, indexed rule set. Structural errors come from the zod
 * schemas; everything that needs the whole set (cited articles exist, conditions name real questions
 * and options, askedWhen only looks backwards, no cycles) is checked here. Nothing is thrown for a
 * bad rule file: every problem is returned with its file and path.
 */
import { REGIMES } from './constants';
import type {
  Condition,
  ConsistencyDef,
  ConsistencyFile,
  DutyDef,
  DutyFile,
  IndicatorDef,
  IndicatorFile,
  LocalText,
  Manifest,
  OptionDef,
  QuestionDef,
  QuestionFile,
  Regime,
  SourceArticle,
  SourceFile,
  TermDef,
  TierFile,
  TierName,
} from './schema';

export interface RawFile {
  /** Path shown in messages, relative to the repository (e.g. `rules/questions/02-scope.yaml`). */
  file: string;
  data: unknown;
}

export interface RawRuleSet {
  manifest: RawFile;
  sources: RawFile[];
  questions: RawFile[];
  indicators: RawFile[];
  tiers: RawFile[];
  duties: RawFile[];
  consistency: RawFile[];
}

export interface RuleSetError {
  file: string;
  path: string;
  message: string;
}

export interface Article extends SourceArticle {
  document: string;
  /** The seed file holding the original text, where the project has one. */
  seedFile?: string;
  regime: Regime | 'CN';
  documentTitle: LocalText;
  /** The rule file that holds it (`rules/sources/…`). */
  file: string;
  /** Where the official text of this article is read online, when its document names one. */
  officialUrl?: string;
}

/**
 * The address of an article in its document's official text: the document's URL with the anchor its
 * pattern gives for the article, annex or recital the id names (`EU-5(1)(f)` → article 5,
 * `EU-ANNEX-III-4(a)` → annex III, `EU-RECITAL-44` → recital 44). No pattern, no anchor.
 */
export function officialUrlOf(id: string, official: { url: string; anchors?: { article?: string; annex?: string; recital?: string } } | undefined): string | undefined {
  if (!official) return undefined;
  const local = id.replace(/^[A-Z]+-/, '');
  const m = /^ANNEX-([IVX]+)\b/.exec(local) ?? /^RECITAL-(\d+)/.exec(local) ?? /^(\d+[a-z]?)/.exec(local);
  const kind = local.startsWith('ANNEX-') ? 'annex' : local.startsWith('RECITAL-') ? 'recital' : 'article';
  const pattern = official.anchors?.[kind];
  return m && pattern ? `${official.url}#${pattern.replace('{n}', m[1]!)}` : official.url;
}

export interface Section {
  id: string;
  title: LocalText;
  intro?: LocalText;
  questions: Question[];
}

export interface Question extends QuestionDef {
  index: number;
  section: string;
  /** Option ids that stand for "not sure" (multi/single), or `not_sure` for yes/no questions offering it. */
  unknownValues: ReadonlySet<string>;
  /** Every value the question accepts (for single/multi: option ids; yes/no: yes, no and maybe not_sure). */
  allowed: ReadonlySet<string>;
  /** Multi-choice options that must stand alone ("none of these"). */
  exclusiveValues: ReadonlySet<string>;
  /** Position of each option in the rule file (answers are kept in this order). */
  optionOrder: ReadonlyMap<string, number>;
  file: string;
}

export interface Indicator extends IndicatorDef {
  file: string;
}

export interface Term extends TermDef {
  file: string;
}

export interface Duty extends DutyDef {
  file: string;
}

export interface RegimeTiers extends TierFile {
  file: string;
}

export interface ConsistencyRule extends ConsistencyDef {
  file: string;
}

export interface RuleSet {
  manifest: Manifest;
  version: string;
  date: string;
  sections: Section[];
  questions: Question[];
  questionById: ReadonlyMap<string, Question>;
  articles: ReadonlyMap<string, Article>;
  indicators: ReadonlyMap<string, Indicator>;
  terms: ReadonlyMap<string, Term>;
  tiers: Readonly<Record<Regime, RegimeTiers>>;
  duties: Duty[];
  /** Answers that contradict each other or the law (rules/consistency/). */
  consistency: ConsistencyRule[];
}

export type LoadResult = { ok: true; ruleSet: RuleSet } | { ok: false; errors: RuleSetError[] };

export const YES_NO = ['yes', 'no'] as const;
export const NOT_SURE = 'not_sure';

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '(top level)';
}

/**
 * Reads each rule file into its typed shape, or records why it cannot. `load.ts` supplies the zod
 * schemas (rules:check, the CLI, the build); the browser trusts data the build already validated.
 */
export interface FileParsers {
  manifest(f: RawFile, errors: RuleSetError[]): Manifest | undefined;
  source(f: RawFile, errors: RuleSetError[]): SourceFile | undefined;
  questions(f: RawFile, errors: RuleSetError[]): QuestionFile | undefined;
  indicators(f: RawFile, errors: RuleSetError[]): IndicatorFile | undefined;
  tiers(f: RawFile, errors: RuleSetError[]): TierFile | undefined;
  duties(f: RawFile, errors: RuleSetError[]): DutyFile | undefined;
  consistency(f: RawFile, errors: RuleSetError[]): ConsistencyFile | undefined;
}

const trust = <T,>(f: RawFile): T => f.data as T;
/** For rule data the build has already validated (see vite.config.ts): no schema checks, same indexes. */
export const TRUSTED_PARSERS: FileParsers = {
  manifest: trust,
  source: trust,
  questions: trust,
  indicators: trust,
  tiers: trust,
  duties: trust,
  consistency: trust,
};

/** Builds the indexed rule set and checks every cross-reference. Never throws for bad rule data. */
export function buildRuleSet(raw: RawRuleSet, parsers: FileParsers): LoadResult {
  const errors: RuleSetError[] = [];
  const manifest = parsers.manifest(raw.manifest, errors);

  // --- sources ---------------------------------------------------------------------------------
  const articles = new Map<string, Article>();
  for (const f of raw.sources) {
    const src = parsers.source(f, errors);
    if (!src) continue;
    src.articles.forEach((a, i) => {
      if (articles.has(a.id)) errors.push({ file: f.file, path: `articles[${i}].id`, message: `article ${a.id} is defined twice` });
      if (src.document.regime !== 'CN' && !a.id.startsWith(`${src.document.regime}-`)) {
        errors.push({ file: f.file, path: `articles[${i}].id`, message: `article ${a.id} does not belong to regime ${src.document.regime}` });
      }
      const officialUrl = officialUrlOf(a.id, src.document.official);
      articles.set(a.id, { ...a, document: src.document.id, seedFile: src.document.seedFile, regime: src.document.regime, documentTitle: src.document.title, file: f.file, ...(officialUrl ? { officialUrl } : {}) });
    });
  }

  // --- questions, in the manifest's section order ------------------------------------------------
  const sectionFiles = new Map<string, { file: string; data: QuestionFile }>();
  for (const f of raw.questions) {
    const q = parsers.questions(f, errors);
    if (!q) continue;
    if (sectionFiles.has(q.section.id)) errors.push({ file: f.file, path: 'section.id', message: `section "${q.section.id}" is defined in two files` });
    sectionFiles.set(q.section.id, { file: f.file, data: q });
  }
  const sections: Section[] = [];
  const questions: Question[] = [];
  const questionById = new Map<string, Question>();
  for (const sid of manifest?.sections ?? []) {
    const sf = sectionFiles.get(sid);
    if (!sf) {
      errors.push({ file: raw.manifest.file, path: 'sections', message: `section "${sid}" has no questions file` });
      continue;
    }
    sectionFiles.delete(sid);
    const section: Section = { id: sid, title: sf.data.section.title, intro: sf.data.section.intro, questions: [] };
    sf.data.questions.forEach((qd, i) => {
      if (questionById.has(qd.id)) {
        errors.push({ file: sf.file, path: `questions[${i}].id`, message: `question "${qd.id}" is defined twice` });
        return;
      }
      const options = qd.options ?? [];
      const unknownValues = new Set<string>(options.filter((o) => o.unknown).map((o) => o.id));
      let allowed: Set<string>;
      if (qd.type === 'yesno') {
        allowed = new Set<string>(YES_NO);
        if (qd.notSure) {
          allowed.add(NOT_SURE);
          unknownValues.add(NOT_SURE);
        }
      } else allowed = new Set(options.map((o) => o.id));
      if (options.length > 31) errors.push({ file: sf.file, path: `questions[${i}].options`, message: 'at most 31 options per question' });
      const exclusiveValues = new Set(options.filter((o) => o.exclusive).map((o) => o.id));
      const optionOrder = new Map(options.map((o, k) => [o.id, k]));
      const q: Question = { ...qd, index: questions.length, section: sid, unknownValues, allowed, exclusiveValues, optionOrder, file: sf.file };
      questions.push(q);
      questionById.set(q.id, q);
      section.questions.push(q);
    });
    sections.push(section);
  }
  for (const [sid, sf] of sectionFiles) {
    errors.push({ file: sf.file, path: 'section.id', message: `section "${sid}" is not listed in the manifest's sections` });
  }

  // --- indicators and terms -------------------------------------------------------------------
  const indicators = new Map<string, Indicator>();
  const terms = new Map<string, Term>();
  for (const f of raw.indicators) {
    const d = parsers.indicators(f, errors);
    if (!d) continue;
    d.indicators?.forEach((ind, i) => {
      if (indicators.has(ind.id) || terms.has(ind.id)) errors.push({ file: f.file, path: `indicators[${i}].id`, message: `name "${ind.id}" is defined twice` });
      indicators.set(ind.id, { ...ind, file: f.file });
    });
    d.terms?.forEach((t, i) => {
      if (indicators.has(t.id) || terms.has(t.id)) errors.push({ file: f.file, path: `terms[${i}].id`, message: `name "${t.id}" is defined twice` });
      terms.set(t.id, { ...t, file: f.file });
    });
  }

  // --- tiers ------------------------------------------------------------------------------------
  const tiers: Partial<Record<Regime, RegimeTiers>> = {};
  for (const f of raw.tiers) {
    const t = parsers.tiers(f, errors);
    if (!t) continue;
    if (tiers[t.regime]) errors.push({ file: f.file, path: 'regime', message: `regime ${t.regime} has two tier files` });
    tiers[t.regime] = { ...t, file: f.file };
  }

  // --- duties -----------------------------------------------------------------------------------
  const duties: Duty[] = [];
  const dutyIds = new Set<string>();
  for (const f of raw.duties) {
    const d = parsers.duties(f, errors);
    if (!d) continue;
    d.duties.forEach((duty, i) => {
      if (dutyIds.has(duty.id)) errors.push({ file: f.file, path: `duties[${i}].id`, message: `duty "${duty.id}" is defined twice` });
      dutyIds.add(duty.id);
      duties.push({ ...duty, file: f.file });
    });
  }

  // --- consistency rules --------------------------------------------------------------------------
  const consistency: ConsistencyRule[] = [];
  const conflictIds = new Set<string>();
  for (const f of raw.consistency) {
    const d = parsers.consistency(f, errors);
    if (!d) continue;
    d.consistency.forEach((c, i) => {
      if (conflictIds.has(c.id)) errors.push({ file: f.file, path: `consistency[${i}].id`, message: `consistency rule "${c.id}" is defined twice` });
      conflictIds.add(c.id);
      consistency.push({ ...c, file: f.file });
    });
  }

  if (!manifest) return { ok: false, errors };

  // --- cross-references ---------------------------------------------------------------------------
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
    const t = tiers[regime];
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
      if (bad !== undefined) errors.push({ file: raw.manifest.file, path: `answerChanges[${i}].becomes.${q}`, message: !target ? String(bad) : `question "${q}" has no option "${bad}"` });
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

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    ruleSet: {
      manifest,
      version: manifest.version,
      date: manifest.date,
      sections,
      questions,
      questionById,
      articles,
      indicators,
      terms,
      tiers: tiers as Record<Regime, RegimeTiers>,
      duties,
      consistency,
    },
  };
}

function checkTierFile(t: RegimeTiers, refs: CrossChecker, errors: RuleSetError[]): void {
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

class CrossChecker {
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
function questionsOf(
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

/** All options of a question (single/multi), or the implied yes/no(/not sure). */
export function optionsOf(q: Question): OptionDef[] {
  if (q.options) return q.options;
  return [...q.allowed].map((id) => ({ id, label: YES_NO_LABELS[id as keyof typeof YES_NO_LABELS] }));
}

export const YES_NO_LABELS = {
  yes: { en: 'Yes', 'zh-CN': '是' },
  no: { en: 'No', 'zh-CN': '否' },
  not_sure: { en: 'Not sure', 'zh-CN': '不确定' },
} as const satisfies Record<string, LocalText>;

export type { TierName, Regime };
