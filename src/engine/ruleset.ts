/**
 * Turns the raw rule files into a validated, indexed rule set. Structural errors come from the zod
 * schemas; everything that needs the whole set (cited articles exist, conditions name real questions
 * and options, askedWhen only looks backwards, no cycles) is checked here. Nothing is thrown for a
 * bad rule file: every problem is returned with its file and path.
 */
import type { ConsistencyDef, ConsistencyFile, DatedList, GlossaryFile, GlossaryTermDef, DutyDef, DutyFile, IndicatorDef, IndicatorFile, LocalText, Manifest, QuestionDef, QuestionFile, Regime, SourceArticle, SourceFile, TermDef, TierFile, TierName } from './schema';

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
  glossary: RawFile[];
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
  /** Where the document was published and read (its `source`, for reviewers). */
  documentSource: string;
  /** The rule file that holds it (`rules/sources/…`). */
  file: string;
  /** Where its document's texts were read (the document's `provenance`), unless the article's own note says. */
  documentProvenance?: string;
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
  /** Who usually knows the answer: the question's own, else its section's. */
  whoKnows: NonNullable<QuestionDef['whoKnows']>;
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

export interface Duty extends Omit<DutyDef, 'from'> {
  /** When it applies from: a date, or dates depending on the answers (a named schedule resolved, or the regime's in-force date when the rule file gives none). */
  from: string | DatedList;
  /** The named schedule `from` came from, if any (rules/duties/*.yaml `schedules:`). */
  schedule?: string;
  file: string;
}

export interface RegimeTiers extends TierFile {
  file: string;
}

export interface ConsistencyRule extends ConsistencyDef {
  file: string;
}

export interface GlossaryTerm extends GlossaryTermDef {
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
  /** Terms a reader may not know, in both languages (rules/glossary/). */
  glossary: GlossaryTerm[];
  /**
   * SHA-256 of the rule files, printed on every document and export so a reader can tell which rules
   * produced it. Set by whoever read the files (src/node/load-rules.ts, the build); empty otherwise.
   */
  digest: string;
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
  glossary(f: RawFile, errors: RuleSetError[]): GlossaryFile | undefined;
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
  glossary: trust,
};


export type { TierName, Regime };
