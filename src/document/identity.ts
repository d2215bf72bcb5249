/**
 * A document's id: derived from what it says (the rule set, the answers, the duties' statuses, the date
 * and the language), so the same assessment printed twice gets the same id and any change gets a new
 * one. An identifier, not a seal: two 32-bit FNV-1a hashes of the content, written as
 * `AIRA-XXXX-XXXX-XXXX` in Crockford's base 32 (no I, L, O, U to misread).
 */
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
