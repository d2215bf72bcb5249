/**
 * A document's id: derived from what it says (the rule set, the answers, what was recorded for each duty,
 * the company, product, cohort and assessor, and the date), so the same assessment printed twice gets the
 * same id and any change gets a new one. The language, the edition and the format are ways of printing
 * the same content: an English PDF and a Chinese DOCX of one assessment on one day carry one id. An
 * identifier, not a seal: two 32-bit FNV-1a hashes of the content, written as `AIRA-XXXX-XXXX-XXXX` in
 * Crockford's base 32 (no I, L, O, U to misread).
 */
import type { DocumentRef, IssuedDocument } from '../assessment/record';
import type { DocumentInput } from '../report/pipeline';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function fnv1a(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** JSON with object keys sorted, so the same content always reads the same. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

export function documentId(content: unknown): string {
  const text = canonical(content);
  // 60 bits from two independent hashes: 12 base-32 digits.
  let a = fnv1a(text, 0x811c9dc5);
  let b = fnv1a(text, 0x050c5d1f);
  let out = '';
  for (let i = 0; i < 12; i++) {
    const src = i < 6 ? a : b;
    out += ALPHABET[src & 31];
    if (i < 6) a >>>= 5;
    else b >>>= 5;
  }
  return `AIRA-${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8, 12)}`;
}

/**
 * Issuing a document with id `documentId` dated `date`, after `last` was issued: what the new document
 * replaces (to print its revision note), and what to keep as the last issued. A reprint of the last
 * document (same id) replaces what that one replaced, so both copies read the same.
 */
export function issue(last: IssuedDocument | undefined, documentId: string, date: string): { replaces?: DocumentRef; issued: IssuedDocument } {
  if (last?.documentId === documentId) return { ...(last.replaces ? { replaces: last.replaces } : {}), issued: last };
  const replaces = last && { documentId: last.documentId, date: last.date };
  return { ...(replaces ? { replaces } : {}), issued: { documentId, date, ...(replaces ? { replaces } : {}) } };
}

/** The id of the document made from `input` (whatever its language, edition or format). */
export function documentIdOf(input: DocumentInput): string {
  const r = input.report;
  return documentId({
    rules: input.rs.digest || r.ruleSet.version,
    answers: input.answers,
    duties: input.duties,
    date: r.assessedOn,
    subject: { company: r.subject.company ?? null, product: r.subject.product ?? null, cohort: r.subject.cohort ?? null },
    assessor: input.assessor ?? null,
  });
}
