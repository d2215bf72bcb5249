/**
 * Loading a rule set from untrusted data: every file is checked against its zod schema (errors name
 * the file and the path), then the whole set is cross-checked (`checkReferences`).
 */
import type { z } from 'zod';
import { ConsistencyFile, DutyFile, GlossaryFile, IndicatorFile, ManifestSchema, QuestionFile, SourceFile, TierFile } from './schema';
import { buildRuleSet } from './build';
import { checkReferences } from './cross-check';
import { formatPath, type FileParsers, type LoadResult, type RawFile, type RawRuleSet, type RuleSetError } from './ruleset';

function parserFor<S extends z.ZodType>(schema: S) {
  return (f: RawFile, errors: RuleSetError[]): z.infer<S> | undefined => {
    const r = schema.safeParse(f.data);
    if (r.success) return r.data;
    errors.push(...r.error.issues.map((issue) => ({ file: f.file, path: formatPath(issue.path), message: issue.message })));
    return undefined;
  };
}

export const SCHEMA_PARSERS: FileParsers = {
  manifest: parserFor(ManifestSchema),
  source: parserFor(SourceFile),
  questions: parserFor(QuestionFile),
  indicators: parserFor(IndicatorFile),
  tiers: parserFor(TierFile),
  duties: parserFor(DutyFile),
  consistency: parserFor(ConsistencyFile),
  glossary: parserFor(GlossaryFile),
};

/** Loads and validates a rule set. Never throws for bad rule data. */
export function loadRuleSet(raw: RawRuleSet): LoadResult {
  return buildRuleSet(raw, SCHEMA_PARSERS, checkReferences);
}
