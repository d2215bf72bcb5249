/**
 * Glossary terms in running text: a text is cut into plain pieces and the places where a term of the
 * glossary (rules/glossary/) appears, so screens link them and documents can mark them. English forms
 * match as whole words in any case; Chinese forms as written. The longest form wins where forms
 * overlap ("general-purpose AI model" over "AI model"); each term is marked once per text (its first
 * appearance), so a paragraph is not a field of links.
 */
import { glossaryForms, type GlossaryTerm, type Lang, type RuleSet } from '../engine';

export type GlossedPiece = string | { term: string; text: string };

interface Matcher {
  pattern: RegExp;
  /** Lower-cased form → term id. */
  termOf: Map<string, string>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function matcherFor(terms: readonly GlossaryTerm[], lang: Lang): Matcher | undefined {
  const termOf = new Map<string, string>();
  for (const t of terms) for (const f of glossaryForms(t.match[lang])) if (!termOf.has(f.toLowerCase())) termOf.set(f.toLowerCase(), t.id);
  if (!termOf.size) return undefined;
  const forms = [...termOf.keys()].sort((a, b) => b.length - a.length).map(escape);
  // English: not inside a word (letters, digits, hyphen joined words); Chinese: anywhere.
  const source = lang === 'en' ? `(?<![\\p{L}\\p{N}-])(?:${forms.join('|')})(?![\\p{L}\\p{N}]|-\\p{L})` : `(?:${forms.join('|')})`;
  return { pattern: new RegExp(source, 'giu'), termOf };
}

/**
 * One matcher per language and glossary text: in the browser the forms arrive with the texts (until then
 * they read as empty and nothing is linked), so the matcher is keyed by the forms themselves.
 */
const matchers = new Map<string, Matcher | undefined>();
function matcher(rs: RuleSet, lang: Lang): Matcher | undefined {
  const key = `${lang}\n${rs.glossary.map((t) => t.match[lang]).join('\n')}`;
  if (!matchers.has(key)) {
    if (matchers.size > 8) matchers.clear();
    matchers.set(key, matcherFor(rs.glossary, lang));
  }
  return matchers.get(key);
}

/**
 * `text` cut into plain strings and glossary terms. `seen` (term ids already marked in the same block)
 * lets several texts of one block share the once-per-term rule; it is added to.
 */
export function glossText(rs: RuleSet, text: string, lang: Lang, seen: Set<string> = new Set()): GlossedPiece[] {
  const m = matcher(rs, lang);
  if (!m || !text) return [text];
  const out: GlossedPiece[] = [];
  let last = 0;
  m.pattern.lastIndex = 0;
  for (const hit of text.matchAll(m.pattern)) {
    const term = m.termOf.get(hit[0].toLowerCase());
    if (!term || seen.has(term)) continue;
    seen.add(term);
    if (hit.index > last) out.push(text.slice(last, hit.index));
    out.push({ term, text: hit[0] });
    last = hit.index + hit[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export const glossaryTerm = (rs: RuleSet, id: string): GlossaryTerm | undefined => rs.glossary.find((t) => t.id === id);
