/**
 * The shape of the rule-set files in `rules/`, as zod schemas. The TypeScript types of the raw rule
 * set are inferred from these schemas, so the files and the code cannot drift apart.
 *
 * Structural checks live here; cross-references (does a cited article exist, does a condition name a
 * real question and option) are checked in `validate.ts`, which needs the whole rule set.
 */
import { z } from 'zod';
import { DUTY_KINDS, DUTY_REGIMES, glossaryForms, LANGS, QUESTION_TYPES, REGIMES, TIER_NAMES, VERIFICATION, type Regime, type TierName } from './constants';

export { DUTY_KINDS, DUTY_REGIMES, LANGS, QUESTION_TYPES, REGIMES, TIER_NAMES, VERIFICATION };
export type { DutyKind, DutyRegime, Lang, QuestionType, Regime, TierName } from './constants';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'not a real calendar date');

/** Text in both languages; both are required (a missing language is a rule-set error). */
export const LocalText = z.strictObject({
  en: z.string().trim().min(1, 'English text is empty'),
  'zh-CN': z.string().trim().min(1, 'Chinese text is empty'),
});
export type LocalText = z.infer<typeof LocalText>;

/** `SH-65.2`, `SH-67(4)`, `EU-5(1)(ba)`, `EU-ANNEX-III-4(a)`, `CN-NATIONAL`. */
export const ArticleId = z
  .string()
  .regex(/^(SH|SZ|EU|CN)-[A-Za-z0-9().-]+$/, 'not an article id such as SH-65.2, SZ-72(5), EU-5(1)(h) or EU-ANNEX-III-4(a)');

const Id = z.string().regex(/^[a-z][a-z0-9_.]*$/, 'ids are lower case: letters, digits, "_" and "."');
const DutyId = z.string().regex(/^(SH|SZ|EU|GPAI|CN)-[A-Za-z0-9().-]+$/, 'duty ids start with the regime, e.g. SH-65.2-list');

// ---------------------------------------------------------------------------------------------
// Conditions: declarative, never code in strings.
// ---------------------------------------------------------------------------------------------


export type Condition = {
  all?: Condition[];
  any?: Condition[];
  not?: Condition;
  always?: true;
  q?: string;
  equals?: string;
  in?: string[];
  includes?: string;
  includesAny?: string[];
  answered?: true;
  gte?: number;
  lt?: number;
  ref?: string;
  tier?: { regime: Regime; in: TierName[] };
};

const OPERATORS = ['all', 'any', 'not', 'always', 'q', 'ref', 'tier'] as const;
const Q_TESTS = ['equals', 'in', 'includes', 'includesAny', 'answered', 'gte', 'lt'] as const;

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z
    .strictObject({
      all: z.array(ConditionSchema).optional(),
      any: z.array(ConditionSchema).min(1, '"any" needs at least one condition').optional(),
      not: ConditionSchema.optional(),
      always: z.literal(true).optional(),
      q: Id.optional(),
      equals: z.string().optional(),
      in: z.array(z.string()).min(1).optional(),
      includes: z.string().optional(),
      includesAny: z.array(z.string()).min(1).optional(),
      answered: z.literal(true).optional(),
      gte: z.number().optional(),
      lt: z.number().optional(),
      ref: Id.optional(),
      tier: z.strictObject({ regime: z.enum(REGIMES), in: z.array(z.enum(TIER_NAMES)).min(1) }).optional(),
    })
    .superRefine((c, ctx) => {
      const ops = OPERATORS.filter((k) => c[k] !== undefined);
      if (ops.length !== 1) {
        ctx.addIssue({
          code: 'custom',
          message: `a condition needs exactly one of ${OPERATORS.join(', ')} (found ${ops.length ? ops.join(', ') : 'none'})`,
        });
        return;
      }
      const tests = Q_TESTS.filter((k) => c[k] !== undefined);
      if (ops[0] === 'q' && tests.length !== 1) {
        ctx.addIssue({ code: 'custom', message: `a question test needs exactly one of ${Q_TESTS.join(', ')} (found ${tests.length ? tests.join(', ') : 'none'})` });
      }
      if (ops[0] !== 'q' && tests.length > 0) {
        ctx.addIssue({ code: 'custom', message: `${tests.join(', ')} can only be used together with "q"` });
      }
    }),
);

// ---------------------------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------------------------


export const SourceArticle = z.strictObject({
  id: ArticleId,
  heading: LocalText,
  original: z.string().trim().min(1),
  translation: z.string().trim().min(1).optional(),
  /**
   * An unofficial summary in a language the document was not published in (the EU publishes no Chinese
   * text of the AI Act): shown to readers of that language, marked as unofficial, above the original.
   */
  summary: z.strictObject({ 'zh-CN': z.string().trim().min(1) }).optional(),
  verification: z.enum(VERIFICATION),
  /** `own`: the note says where this text was read; otherwise the document's `provenance` says it. */
  provenance: z.literal('own').optional(),
  /** For reviewers: what is particular about this text (never shown to users). */
  note: z.string().optional(),
});
export type SourceArticle = z.infer<typeof SourceArticle>;

export const SourceFile = z.strictObject({
  document: z.strictObject({
    id: z.string().min(1),
    regime: z.enum([...REGIMES, 'CN']),
    title: LocalText,
    adopted: isoDate.optional(),
    inForce: isoDate,
    source: z.string().min(1),
    /** Where the articles' texts were read, said once: for every article not marked `provenance: own`. */
    provenance: z.string().optional(),
    /** File name of the original document in the project's seeds, for verbatim checks. */
    seedFile: z.string().optional(),
    originalLanguage: z.enum(LANGS),
    /**
     * The official text online: its address, and how an article's place in it is addressed (`{n}` is
     * the article, annex or recital number read from the article id, e.g. `art_{n}`).
     */
    official: z
      .strictObject({
        url: z.url(),
        anchors: z.strictObject({ article: z.string().optional(), annex: z.string().optional(), recital: z.string().optional() }).optional(),
      })
      .optional(),
  }),
  articles: z.array(SourceArticle).min(1),
}).superRefine((f, ctx) => {
  // Every reader gets each article in their language: a translation, or (where no official text exists in
  // that language, as for the AI Act in Chinese) an unofficial summary.
  f.articles.forEach((a, i) => {
    if (f.document.originalLanguage === 'en' && !a.translation && !a.summary) {
      ctx.addIssue({ code: 'custom', path: ['articles', i, 'summary'], message: `article ${a.id} has no Chinese text: add an unofficial summary (summary: { zh-CN: … })` });
    }
    if (f.document.originalLanguage === 'zh-CN' && !a.translation) {
      ctx.addIssue({ code: 'custom', path: ['articles', i, 'translation'], message: `article ${a.id} has no English translation` });
    }
  });
});
export type SourceFile = z.infer<typeof SourceFile>;

// ---------------------------------------------------------------------------------------------
// Questions
// ---------------------------------------------------------------------------------------------


export const OptionSchema = z.strictObject({
  id: Id,
  label: LocalText,
  help: LocalText.optional(),
  /** Chosen alone: "none of these". */
  exclusive: z.literal(true).optional(),
  /** "Not sure": leaves the options not chosen undecided. */
  unknown: z.literal(true).optional(),
  /** Choosing this option never makes any tier less strict (checked by property tests). */
  riskFactor: z.literal(true).optional(),
  cites: z.array(ArticleId).optional(),
});
export type OptionDef = z.infer<typeof OptionSchema>;

/** Who in a company usually knows an answer: shown beside an open question on the result. */
export const WHO_KNOWS = ['product', 'engineering', 'legal', 'sales', 'procurement', 'hr', 'management'] as const;

export const QuestionSchema = z
  .strictObject({
    id: Id,
    type: z.enum(QUESTION_TYPES),
    text: LocalText,
    /** What the question asks, in everyday words (one to three sentences), shown under it. */
    plain: LocalText,
    /** The legal background, shown under "Why we ask" with the statute texts. */
    help: LocalText,
    cites: z.array(ArticleId).min(1, 'every question names the article(s) it serves'),
    askedWhen: ConditionSchema.optional(),
    /** yes/no questions: offer "not sure". */
    notSure: z.literal(true).optional(),
    /** yes/no questions: answering "yes" never makes any tier less strict. */
    riskFactor: z.literal(true).optional(),
    options: z.array(OptionSchema).optional(),
    /** Optional answers are not listed as open questions when left empty. */
    optional: z.literal(true).optional(),
    maxLength: z.number().int().positive().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    unit: LocalText.optional(),
    /** Our reading where the statute gives no criterion (shown to the reviewer). */
    heuristic: LocalText.optional(),
    /** Who in a company usually knows the answer, where it is not who knows the rest of its section. */
    whoKnows: z.array(z.enum(WHO_KNOWS)).min(1).optional(),
  })
  .superRefine((q, ctx) => {
    const hasOptions = q.type === 'single' || q.type === 'multi';
    if (hasOptions && (!q.options || q.options.length < 2)) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: `a ${q.type} question needs at least two options` });
    }
    if (!hasOptions && q.options) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: `a ${q.type} question has no options (yes/no are implied)` });
    }
    if (q.notSure && q.type !== 'yesno') {
      ctx.addIssue({ code: 'custom', path: ['notSure'], message: 'notSure is for yes/no questions; give other questions an option with unknown: true' });
    }
    if (q.riskFactor && q.type !== 'yesno') {
      ctx.addIssue({ code: 'custom', path: ['riskFactor'], message: 'riskFactor on a question is for yes/no; mark options of other questions instead' });
    }
    if (q.options) {
      const seen = new Set<string>();
      q.options.forEach((o, i) => {
        if (seen.has(o.id)) ctx.addIssue({ code: 'custom', path: ['options', i, 'id'], message: `option "${o.id}" appears twice` });
        seen.add(o.id);
        if (o.exclusive && o.unknown) ctx.addIssue({ code: 'custom', path: ['options', i], message: 'an option is either exclusive or unknown, not both' });
      });
      if (q.type === 'single' && q.options.some((o) => o.exclusive)) {
        ctx.addIssue({ code: 'custom', path: ['options'], message: 'exclusive is for multi-choice options (single choice is exclusive already)' });
      }
    }
  });
export type QuestionDef = z.infer<typeof QuestionSchema>;

export const QuestionFile = z.strictObject({
  section: z.strictObject({
    id: Id,
    title: LocalText,
    intro: LocalText.optional(),
    /** Who in a company usually knows the answers of this section (a question may name its own). */
    whoKnows: z.array(z.enum(WHO_KNOWS)).min(1),
  }),
  questions: z.array(QuestionSchema).min(1),
});
export type QuestionFile = z.infer<typeof QuestionFile>;

// ---------------------------------------------------------------------------------------------
// Indicators and terms (named conditions)
// ---------------------------------------------------------------------------------------------

export const IndicatorSchema = z.strictObject({
  id: Id,
  title: LocalText,
  /** Why this motivates the tier, in plain words. */
  explanation: LocalText,
  /** Per regime, the articles that motivate the indicator (the first one is shown as the reason). */
  cites: z.partialRecord(z.enum(REGIMES), z.array(ArticleId).min(1)),
  /** Articles used as a reference scale, not as the legal basis (e.g. EU Annex III for the Chinese tiers). */
  reference: z.array(ArticleId).optional(),
  /** Per regime, articles that only support or promote (context for our reading), never the basis of the tier. */
  context: z.partialRecord(z.enum(REGIMES), z.array(ArticleId).min(1)).optional(),
  heuristic: LocalText.optional(),
  when: ConditionSchema,
});
export type IndicatorDef = z.infer<typeof IndicatorSchema>;

export const TermSchema = z.strictObject({
  id: Id,
  description: LocalText,
  cites: z.array(ArticleId).optional(),
  when: ConditionSchema,
});
export type TermDef = z.infer<typeof TermSchema>;

export const IndicatorFile = z.strictObject({
  indicators: z.array(IndicatorSchema).optional(),
  terms: z.array(TermSchema).optional(),
});
export type IndicatorFile = z.infer<typeof IndicatorFile>;

// ---------------------------------------------------------------------------------------------
// Tier rules
// ---------------------------------------------------------------------------------------------

/** A sentence added to a rule's reason when its condition holds (e.g. who carries the duties, which date governs). */
export const ReasonNoteSchema = z.strictObject({
  id: Id,
  when: ConditionSchema,
  text: LocalText,
  cites: z.array(ArticleId).optional(),
});
export type ReasonNoteDef = z.infer<typeof ReasonNoteSchema>;

export const TierRuleSchema = z
  .strictObject({
    id: Id,
    tier: z.enum(TIER_NAMES),
    cites: z.array(ArticleId).min(1),
    reason: LocalText,
    /** For out_of_scope rules: why the regime does apply when this rule does not hold. */
    inScope: LocalText.optional(),
    when: ConditionSchema.optional(),
    otherwise: z.literal(true).optional(),
    /** The rule decides a tier only from this date (e.g. a prohibition not yet in force); before it, the result warns. */
    from: isoDate.optional(),
    /** Sentences added to the reason when their conditions hold. */
    notes: z.array(ReasonNoteSchema).optional(),
  })
  .superRefine((r, ctx) => {
    if (!!r.when === !!r.otherwise) ctx.addIssue({ code: 'custom', message: 'a tier rule has either "when" or "otherwise: true"' });
  });
export type TierRuleDef = z.infer<typeof TierRuleSchema>;

export const CaveatSchema = z.strictObject({
  id: Id,
  text: LocalText,
  cites: z.array(ArticleId).min(1),
  /** Shown when the regime's tier is (or may be) one of these. */
  tiers: z.array(z.enum(TIER_NAMES)).min(1),
});
export type CaveatDef = z.infer<typeof CaveatSchema>;

/**
 * A finding: something the result must say about the regime whatever its tier — e.g. an Annex III use
 * that is not high-risk under the Art. 6(3) derogation. `{points}` in the text stands for the articles
 * of the indicators that hold in the condition (e.g. "Annex III 7(c)").
 */
export const FindingSchema = z.strictObject({
  id: Id,
  cites: z.array(ArticleId).min(1),
  text: LocalText,
  when: ConditionSchema,
});
export type FindingDef = z.infer<typeof FindingSchema>;

export const TierFile = z.strictObject({
  regime: z.enum(REGIMES),
  /** The regime's tiers, strictest first, `out_of_scope` last. */
  tiers: z.array(z.enum(TIER_NAMES)).min(2),
  /** Ordered: the first rule whose condition holds decides the tier. */
  rules: z.array(TierRuleSchema).min(1),
  caveats: z.array(CaveatSchema).optional(),
  findings: z.array(FindingSchema).optional(),
});
export type TierFile = z.infer<typeof TierFile>;

// ---------------------------------------------------------------------------------------------
// Duties and notices
// ---------------------------------------------------------------------------------------------


/** Dates that depend on the answers: the first entry whose condition holds gives the date; the last has none. */
export const DatedListSchema = z
  .array(z.strictObject({ when: ConditionSchema.optional(), date: isoDate }))
  .min(1)
  .refine((a) => a[a.length - 1]!.when === undefined, 'the last entry of a dated list has no "when" (it is the default)');
export type DatedList = z.infer<typeof DatedListSchema>;

/** A date, a dated list, or a named schedule of the duty files (`schedules:`). Omitted: the regime's in-force date. */
export const FromSchema = z.union([isoDate, DatedListSchema, z.strictObject({ schedule: Id })]);


export const DutySchema = z.strictObject({
  id: DutyId,
  regime: z.enum(DUTY_REGIMES),
  /** The article the duty encodes (the one a reader jumps to). */
  article: ArticleId,
  /** Further articles it rests on. */
  alsoCites: z.array(ArticleId).optional(),
  /** duty = mandatory for this company now; anticipated = expected once implementing measures are issued (not operative); encouraged = the statute encourages it; notice = information (addressed to others, a benefit, a penalty range). */
  kind: z.enum(DUTY_KINDS),
  /** Why the duty has this force, read from the sentence (its verb and its addressee). Required for SH and SZ. */
  forceBasis: LocalText.optional(),
  /** Who must act, when it is not the company answering (customers, public bodies...). */
  addressee: LocalText.optional(),
  title: LocalText,
  /** What the duty means in practice, in everyday words (one to three sentences). */
  plain: LocalText,
  do: LocalText,
  evidence: z.array(LocalText).optional(),
  from: FromSchema.optional(),
  when: ConditionSchema,
  heuristic: LocalText.optional(),
  /** Something the reference marks unverified, carried into the rule set. */
  unverified: LocalText.optional(),
  /** The result lists the answers that decided it (e.g. which condition of a benefit fails). */
  showAnswers: z.literal(true).optional(),
  /** Stopping a prohibited practice: the action plan puts it first, before everything else. */
  stop: z.literal(true).optional(),
});
export type DutyDef = z.infer<typeof DutySchema>;

export const DutyFile = z.strictObject({
  /** Named date schedules a duty of any file may use as `from: { schedule: <name> }`. */
  schedules: z.record(Id, DatedListSchema).optional(),
  duties: z.array(DutySchema).min(1),
});
export type DutyFile = z.infer<typeof DutyFile>;

// ---------------------------------------------------------------------------------------------
// Consistency rules: answers that contradict each other or the law
// ---------------------------------------------------------------------------------------------

/**
 * When `when` holds, the answers named in `questions` contradict each other (or the statute): the
 * answers in `disputes` (the self-classifying ones) are not taken on faith — they are treated as open —
 * and every regime in `regimes` is `needs_review`, with the conflict named and linked to the questions.
 */
export const ConsistencySchema = z
  .strictObject({
    id: Id,
    regimes: z.array(z.enum(REGIMES)).min(1),
    cites: z.array(ArticleId).min(1),
    questions: z.array(Id).min(2, 'a conflict names at least the two answers that conflict'),
    disputes: z.array(Id).min(1, 'a conflict names the answer(s) it does not take on faith'),
    when: ConditionSchema,
    message: LocalText,
  })
  .superRefine((c, ctx) => {
    for (const d of c.disputes) if (!c.questions.includes(d)) ctx.addIssue({ code: 'custom', path: ['disputes'], message: `disputed answer "${d}" is not among the conflicting questions` });
  });
export type ConsistencyDef = z.infer<typeof ConsistencySchema>;

/** A term of the glossary (rules/glossary/): linked wherever one of its `match` forms appears in a text. */
export const GlossaryTermSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'glossary ids are lower case words joined by "-"'),
  term: LocalText,
  definition: LocalText,
  /**
   * The spellings under which the term appears in running text, separated by " | " (English: whole words,
   * any case; Chinese: as written). Texts like any other, so they travel with the texts, not the structure.
   */
  match: LocalText.superRefine((m, ctx) => {
    for (const [lang, min] of [['en', 3], ['zh-CN', 2]] as const) {
      if (glossaryForms(m[lang]).some((f) => f.length < min)) ctx.addIssue({ code: 'custom', path: [lang], message: `a ${lang} form is shorter than ${min} characters (it would match inside other words)` });
    }
  }),
  cites: z.array(ArticleId),
});
export type GlossaryTermDef = z.infer<typeof GlossaryTermSchema>;
export const GlossaryFile = z.strictObject({ terms: z.array(GlossaryTermSchema).min(1) });
export type GlossaryFile = z.infer<typeof GlossaryFile>;

export const ConsistencyFile = z.strictObject({ consistency: z.array(ConsistencySchema).min(1) });
export type ConsistencyFile = z.infer<typeof ConsistencyFile>;

// ---------------------------------------------------------------------------------------------
// The manifest
// ---------------------------------------------------------------------------------------------

const RegimeMeta = z.strictObject({ name: LocalText, document: z.string().min(1), inForce: isoDate });

export const ManifestSchema = z.strictObject({
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'semantic version, e.g. 1.0.0'),
  date: isoDate,
  /** The earliest assessment date the rule set encodes the law for (e.g. when an amendment entered into force). */
  validFrom: isoDate,
  title: LocalText,
  disclaimer: LocalText,
  regimes: z.strictObject({ SH: RegimeMeta, SZ: RegimeMeta, EU: RegimeMeta }),
  /** Dates on which facts outside the statutes were last checked (pending implementing measures...). */
  asOf: z.record(z.string(), z.strictObject({ date: isoDate, note: LocalText })),
  /** Question order: section ids, in the order the questionnaire asks them. */
  sections: z.array(Id).min(1),
  /**
   * How answers given under an earlier rule set read under this one: an answer (or ticked option) to
   * `question` equal to `value`, in a file made under a version before `before`, is taken away, and the
   * answers in `becomes` are set where not answered already. `question` may be one this set retired.
   */
  answerChanges: z
    .array(
      z.strictObject({
        before: z.string().regex(/^\d+\.\d+\.\d+$/, 'semantic version, e.g. 2.0.0'),
        question: Id,
        value: z.string(),
        becomes: z.record(Id, z.union([z.string(), z.array(z.string()).min(1)])).optional(),
      }),
    )
    .optional(),
});
export type Manifest = z.infer<typeof ManifestSchema>;
