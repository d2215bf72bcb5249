/**
 * Building a rule set from its files: each file read by the parsers given (the zod schemas, or trust
 * for data the build validated), ids checked for duplicates, named schedules and default dates
 * resolved, then (when validating) every cross-reference checked (cross-check.ts). Every problem is
 * returned with its file and path.
 */
import type { DatedList, QuestionFile, Regime } from './schema';

import { NOT_SURE, officialUrlOf, YES_NO, type Article, type Duty, type FileParsers, type Indicator, type LoadResult, type Question, type RawRuleSet, type RegimeTiers, type RuleSet, type RuleSetError, type Section, type Term } from './ruleset';

/**
 * `check`, when given, checks every cross-reference of the built set (`checkReferences` in
 * cross-check.ts: the validating loader passes it); the browser, given data the build already checked,
 * builds the indexes alone and never loads the checks.
 */
export function buildRuleSet(raw: RawRuleSet, parsers: FileParsers, check?: (rs: RuleSet, manifestFile: string, errors: RuleSetError[]) => void): LoadResult {
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
      articles.set(a.id, {
        ...a,
        document: src.document.id,
        seedFile: src.document.seedFile,
        regime: src.document.regime,
        documentTitle: src.document.title,
        documentSource: src.document.source,
        file: f.file,
        ...(officialUrl ? { officialUrl } : {}),
        ...(src.document.provenance ? { documentProvenance: src.document.provenance } : {}),
      });
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
      const q: Question = { ...qd, whoKnows: qd.whoKnows ?? sf.data.section.whoKnows, index: questions.length, section: sid, unknownValues, allowed, exclusiveValues, optionOrder, file: sf.file };
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
  const dutyFiles = raw.duties.flatMap((f) => {
    const d = parsers.duties(f, errors);
    return d ? [{ f, d }] : [];
  });
  const schedules = new Map<string, DatedList>();
  for (const { f, d } of dutyFiles) {
    for (const [name, list] of Object.entries(d.schedules ?? {})) {
      if (schedules.has(name)) errors.push({ file: f.file, path: `schedules.${name}`, message: `schedule "${name}" is defined twice` });
      schedules.set(name, list);
    }
  }
  for (const { f, d } of dutyFiles) {
    d.duties.forEach((duty, i) => {
      if (dutyIds.has(duty.id)) errors.push({ file: f.file, path: `duties[${i}].id`, message: `duty "${duty.id}" is defined twice` });
      dutyIds.add(duty.id);
      const { from, ...rest } = duty;
      let resolved: string | DatedList | undefined;
      let schedule: string | undefined;
      if (from === undefined) {
        resolved = manifest?.regimes[duty.regime as Regime]?.inForce;
        if (!resolved) errors.push({ file: f.file, path: `duties[${i}].from`, message: `regime ${duty.regime} has no in-force date in the manifest: give "from"` });
      } else if (typeof from === 'object' && !Array.isArray(from)) {
        schedule = from.schedule;
        resolved = schedules.get(schedule);
        if (!resolved) errors.push({ file: f.file, path: `duties[${i}].from.schedule`, message: `no schedule "${schedule}" in the duty files` });
      } else resolved = from;
      if (resolved !== undefined) duties.push({ ...rest, from: resolved, ...(schedule ? { schedule } : {}), file: f.file });
    });
  }

  // --- consistency rules and glossary ------------------------------------------------------------
  const consistency = collect(raw.consistency, (f) => parsers.consistency(f, errors)?.consistency, 'consistency', 'consistency rule', errors);
  const glossary = collect(raw.glossary, (f) => parsers.glossary(f, errors)?.terms, 'terms', 'glossary term', errors);

  if (!manifest) return { ok: false, errors };

  const ruleSet: RuleSet = {
    manifest,
    version: manifest.version,
    date: manifest.date,
    sections,
    questions,
    questionById,
    articles,
    indicators,
    terms,
    // A regime without a tier file is an error of the cross-check; until then the index has a hole.
    tiers: tiers as Record<Regime, RegimeTiers>,
    duties,
    consistency,
    glossary,
    digest: '',
  };
  check?.(ruleSet, raw.manifest.file, errors);
  if (errors.length) return { ok: false, errors };
  return { ok: true, ruleSet };
}

/**
 * The items of every file in order, each with its file's name; an id met before is an error naming the
 * file and the item's path (`<list>[i].id`).
 */
function collect<F extends { file: string }, T extends { id: string }>(
  files: readonly F[],
  items: (f: F) => readonly T[] | undefined,
  list: string,
  kind: string,
  errors: RuleSetError[],
): (T & { file: string })[] {
  const out: (T & { file: string })[] = [];
  const seen = new Set<string>();
  for (const f of files) {
    items(f)?.forEach((item, i) => {
      if (seen.has(item.id)) errors.push({ file: f.file, path: `${list}[${i}].id`, message: `${kind} "${item.id}" is defined twice` });
      seen.add(item.id);
      out.push({ ...item, file: f.file });
    });
  }
  return out;
}
