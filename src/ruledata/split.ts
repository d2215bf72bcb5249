/**
 * The rule set travels to the browser in pieces, so the first question needs only what it shows:
 *
 * - the *structure*: every file with its ids, conditions and dates, but each bilingual text replaced by
 *   a placeholder `{ $t: "q12" }` and each article's statute text removed;
 * - *texts*, one table per language and group: `q` (manifest, section titles and the first section's
 *   questions, without their legal help), needed before the first question; `p` (the other sections' questions, options and help,
 *   and the messages of contradicting answers), fetched once the first question is usable and needed
 *   before any later section, the review or the result is shown; `r` (indicators, tiers, duties, source
 *   headings), needed by the result page;
 * - *sources*: the articles' original text, translation and note, for the "why we ask" panel, the
 *   result page and the catalogue.
 *
 * `splitRules` runs at build time on a rule set the build has validated; `restoreRules` runs in the
 * browser and gives back the same raw rule set, with texts read from whatever tables have arrived.
 * Pure functions: no I/O, no browser API.
 */
import { LANGS, type Lang, type RawFile, type RawRuleSet } from '../engine';

export const TEXT_GROUPS = ['q', 'p', 'r'] as const;
/** What the questionnaire reads: its start (`q`) and the rest (`p`). */
export const QUESTIONNAIRE_TEXTS: readonly TextGroup[] = ['q', 'p'];
export type TextGroup = (typeof TEXT_GROUPS)[number];

export interface ArticleText {
  original: string;
  translation?: string;
  /** Unofficial summary in a language the document was not published in. */
  summary?: Partial<Record<Lang, string>>;
  note?: string;
}

export interface SplitRuleSet {
  structure: RawRuleSet;
  texts: Record<Lang, Record<TextGroup, string[]>>;
  sources: Record<string, ArticleText>;
}

type Placeholder = { $t: string };

const isLocalText = (v: unknown): v is Record<Lang, string> => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return keys.length === LANGS.length && LANGS.every((l) => typeof (v as Record<string, unknown>)[l] === 'string');
};

const ARTICLE_TEXT_KEYS = ['original', 'translation', 'summary', 'note'] as const;

export function splitRules(raw: RawRuleSet): SplitRuleSet {
  const texts = Object.fromEntries(LANGS.map((l) => [l, { q: [] as string[], p: [] as string[], r: [] as string[] }])) as SplitRuleSet['texts'];
  const sources: SplitRuleSet['sources'] = {};

  const walk = (v: unknown, group: TextGroup): unknown => {
    if (isLocalText(v)) {
      const n = texts.en[group].length;
      for (const l of LANGS) texts[l][group].push(v[l]);
      return { $t: `${group}${n}` } satisfies Placeholder;
    }
    if (Array.isArray(v)) return v.map((x) => walk(x, group));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, group)]));
    return v;
  };
  const file = (group: TextGroup) => (f: RawFile): RawFile => ({ file: f.file, data: walk(f.data, group) });
  // A first-section question shows its text, plain explanation and options at once; its legal help sits
  // under "Why we ask", opened later: it travels with the rest (`p`).
  const LATER_KEYS = ['help', 'heuristic'];
  const firstSectionQuestion = (q: Record<string, unknown>) => Object.fromEntries(Object.entries(q).map(([k, x]) => [k, walk(x, LATER_KEYS.includes(k) ? 'p' : 'q')]));
  const firstSection = ((raw.manifest.data as { sections?: unknown[] }).sections ?? [])[0];

  const sourceFile = (f: RawFile): RawFile => {
    const data = f.data as { articles: Record<string, unknown>[] };
    const articles = data.articles.map((a) => {
      const rest: Record<string, unknown> = {};
      const text: Partial<ArticleText> = {};
      for (const [k, x] of Object.entries(a)) {
        if ((ARTICLE_TEXT_KEYS as readonly string[]).includes(k)) (text as Record<string, unknown>)[k] = x;
        else rest[k] = x;
      }
      sources[a.id as string] = text as ArticleText;
      return rest;
    });
    return file('r')({ file: f.file, data: { ...data, articles } });
  };

  return {
    structure: {
      manifest: file('q')(raw.manifest),
      // A section's title and introduction are shown in the progress bar from the start: always `q`.
      questions: raw.questions.map((f) => ({
        file: f.file,
        data: Object.fromEntries(
          Object.entries(f.data as Record<string, unknown>).map(([k, x]) => [k, k !== 'questions' ? walk(x, 'q') : sectionOf(f) !== firstSection ? walk(x, 'p') : (x as Record<string, unknown>[]).map(firstSectionQuestion)]),
        ),
      })),
      sources: raw.sources.map(sourceFile),
      indicators: raw.indicators.map(file('r')),
      tiers: raw.tiers.map(file('r')),
      duties: raw.duties.map(file('r')),
      // Conflict messages are shown beside the questions (once answers contradict: never on the first screen).
      consistency: raw.consistency.map(file('p')),
      // Glossary definitions open from a linked term: never needed for the first question.
      glossary: raw.glossary.map(file('p')),
    },
    texts,
    sources,
  };
}

const sectionOf = (f: RawFile): unknown => (f.data as { section?: { id?: unknown } }).section?.id;

/** Text tables as they arrive in the browser; a table not loaded yet reads as empty strings. */
export interface TextStore {
  texts: Partial<Record<Lang, Partial<Record<TextGroup, string[]>>>>;
  sources?: Record<string, ArticleText>;
}

/** A LocalText whose languages are read from the store on access. */
function localText(store: TextStore, key: string): Record<Lang, string> {
  const group = key[0] as TextGroup;
  const n = Number(key.slice(1));
  const out = {} as Record<Lang, string>;
  for (const l of LANGS) Object.defineProperty(out, l, { enumerable: true, get: () => store.texts[l]?.[group]?.[n] ?? '' });
  return out;
}

/** The raw rule set again, its texts bound to `store`. */
export function restoreRules(structure: RawRuleSet, store: TextStore): RawRuleSet {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      if (typeof (v as Placeholder).$t === 'string' && Object.keys(v).length === 1) return localText(store, (v as Placeholder).$t);
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  const file = (f: RawFile): RawFile => ({ file: f.file, data: walk(f.data) });
  return {
    manifest: file(structure.manifest),
    questions: structure.questions.map(file),
    sources: structure.sources.map(file),
    indicators: structure.indicators.map(file),
    tiers: structure.tiers.map(file),
    duties: structure.duties.map(file),
    consistency: structure.consistency.map(file),
    glossary: structure.glossary.map(file),
  };
}

/** Gives each built article its statute text, read from the store's sources table on access. */
export function bindArticleTexts(articles: Iterable<{ id: string }>, store: TextStore): void {
  for (const a of articles) {
    for (const k of ARTICLE_TEXT_KEYS) {
      Object.defineProperty(a, k, { enumerable: true, configurable: true, get: () => store.sources?.[a.id]?.[k] ?? (k === 'original' ? '' : undefined) });
    }
  }
}
