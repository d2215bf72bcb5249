/**
 * Reading an assessment file's text: size first, then the strict JSON reader (lib/strict-json.ts:
 * nesting, repeated and forbidden keys refused before JSON.parse runs), then the same checks as data the
 * browser's storage returns (assessment-file.ts `readAssessmentData`). Apart from assessment-file.ts so
 * the text reader loads with the import and share pages, not with the first question.
 */
import type { RuleSet } from '../engine';
import { parseJsonStrict } from '../lib/strict-json';
import { describeValue } from '../lib/text-fields';
import { MAX_DEPTH, MAX_FILE_BYTES, jsonProblem, readAssessmentData, type ReadResult, type Summarize } from './assessment-file';

/** Reads a file's text into an assessment, or says precisely why not. Never throws. */
export function readAssessmentFile(rs: RuleSet, text: string, summarize?: Summarize): ReadResult {
  if (typeof text !== 'string') return { ok: false, problems: [{ code: 'unreadable', params: { reason: describeValue(text) } }] };
  // A UTF-16 unit is one to three bytes of UTF-8: only lengths in between need counting.
  const bytes = text.length > MAX_FILE_BYTES ? text.length : text.length * 3 <= MAX_FILE_BYTES ? 0 : utf8Length(text);
  if (bytes > MAX_FILE_BYTES) return { ok: false, problems: [{ code: 'too_large', params: { bytes, max: MAX_FILE_BYTES } }] };
  if (!text.trim()) return { ok: false, problems: [{ code: 'empty', params: {} }] };
  const parsed = parseJsonStrict(text, MAX_DEPTH);
  if (!parsed.ok) return { ok: false, problems: [jsonProblem(parsed.problem)] };
  return readAssessmentData(rs, parsed.value, summarize);
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}

