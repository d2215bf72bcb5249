/**
 * The document's id and revision note: one id for one content (whatever the language, edition or
 * format), a new id for any change of what it says, and the note "replaces document … of …" printed when
 * a document with other content follows one issued before — the same note on a reprint. And the full
 * edition, which adds the rules screened out and their articles to the same document.
 */
import { describe, expect, it } from 'vitest';
import { DOCUMENT_ID, type IssuedDocument } from '../assessment/record';
import { REGIMES } from '../engine';
import { createI18n } from '../i18n/i18n';
import { allBlocks, exportInput } from '../testing/export-fixtures';
import type { PrintedDocument } from './blocks';
import { checklistDocument } from './checklist';
import { GENERATOR } from './generator';
import { documentIdOf, issue } from './identity';

const fieldValue = (doc: PrintedDocument, label: string) => allBlocks(doc.blocks).flatMap((b) => (b.type === 'field' && b.label === label ? [b.value] : []));
/** The revision line, printed on the cover and again on the sign-off page. */
const revision = (doc: PrintedDocument, lang: 'en' | 'zh-CN') => fieldValue(doc, createI18n(lang).t('pdf:field.revision'));

describe('document id', () => {
  it('is the same for the same content in either language and edition, and is well formed', () => {
    const en = exportInput('E1', 'en').input;
    const zh = exportInput('E1', 'zh-CN').input;
    const id = documentIdOf(en);
    expect(id).toMatch(DOCUMENT_ID);
    expect(documentIdOf(zh)).toBe(id);
    expect(checklistDocument({ ...en, generator: GENERATOR, full: true }).identity.documentId).toBe(id);
    expect(checklistDocument({ ...zh, generator: GENERATOR }).identity.documentId).toBe(id);
  });

  it('changes with any answer, duty record, assessor or date', () => {
    const { input } = exportInput('E1', 'en');
    const id = documentIdOf(input);
    const first = input.report.duties[0]!.id;
    expect(documentIdOf({ ...input, duties: { ...input.duties, [first]: { status: 'todo' } } })).not.toBe(id);
    expect(documentIdOf({ ...input, duties: { ...input.duties, [first]: { ...input.duties[first]!, owner: 'Li Wei' } } })).not.toBe(id);
    expect(documentIdOf({ ...input, assessor: 'Someone else' })).not.toBe(id);
    expect(documentIdOf({ ...input, answers: { ...input.answers, product_name: 'Renamed' } })).not.toBe(id);
    expect(documentIdOf(exportInput('E1', 'en', false, '2026-11-24').input)).not.toBe(id);
  });
});

describe('issuing documents one after another', () => {
  const A = 'AIRA-AAAA-AAAA-AAAA';
  const B = 'AIRA-BBBB-BBBB-BBBB';
  const C = 'AIRA-CCCC-CCCC-CCCC';

  it('a first document replaces nothing; a reprint keeps what was issued; another content replaces the last', () => {
    const one = issue(undefined, A, '2026-11-01');
    expect(one).toEqual({ issued: { documentId: A, date: '2026-11-01' } });
    expect(issue(one.issued, A, '2026-11-01').issued).toBe(one.issued);
    const two = issue(one.issued, B, '2026-11-15');
    expect(two).toEqual({ replaces: { documentId: A, date: '2026-11-01' }, issued: { documentId: B, date: '2026-11-15', replaces: { documentId: A, date: '2026-11-01' } } });
    // A reprint of the second names the first, as the second did.
    expect(issue(two.issued, B, '2026-11-15')).toEqual({ replaces: { documentId: A, date: '2026-11-01' }, issued: two.issued });
    // A third names the second only: the chain is one step, as a revision note is.
    expect(issue(two.issued, C, '2026-11-30').replaces).toEqual({ documentId: B, date: '2026-11-15' });
  });

  it.each(['en', 'zh-CN'] as const)('in %s: the revision line says first issue, then which document of which day it replaces, and a reprint says the same', (lang) => {
    const t = createI18n(lang).t;
    const { input } = exportInput('E4', lang);
    const id = documentIdOf(input);
    const first = checklistDocument({ ...input, generator: GENERATOR });
    expect(first.identity.replaces).toBeUndefined();
    expect(revision(first, lang)).toEqual([t('pdf:field.firstIssue'), t('pdf:field.firstIssue')]);

    const earlier: IssuedDocument = { documentId: 'AIRA-11AB-22CD-33EF', date: '2026-11-02' };
    const next = checklistDocument({ ...input, generator: GENERATOR, issued: earlier });
    expect(next.identity).toMatchObject({ documentId: id, replaces: earlier });
    const said = lang === 'en' ? 'Replaces document AIRA-11AB-22CD-33EF of 2 November 2026' : '取代2026年11月2日出具的文件 AIRA-11AB-22CD-33EF';
    expect(revision(next, lang)).toEqual([said, said]);

    // Recorded as issued, the same document printed again reads the same.
    const { issued } = issue(earlier, id, input.report.assessedOn);
    expect(revision(checklistDocument({ ...input, generator: GENERATOR, issued }), lang)).toEqual([said, said]);
  });
});

describe('the full edition', () => {
  it.each(['en', 'zh-CN'] as const)('in %s: lists the rules screened out and adds their articles; the default counts them only', (lang) => {
    const t = createI18n(lang).t;
    const { input } = exportInput('E4', lang);
    const standard = checklistDocument({ ...input, generator: GENERATOR });
    const full = checklistDocument({ ...input, generator: GENERATOR, full: true });
    const texts = (d: PrintedDocument) => allBlocks(d.blocks).flatMap((b) => (b.type === 'text' ? [b.text] : []));
    const ruledOut = REGIMES.reduce((n, g) => n + input.report.regimes[g].ruledOut.length, 0);
    expect(ruledOut).toBeGreaterThan(0);
    // Each screened-out rule's heading in the full edition; none in the standard one, which counts them.
    const reasons = REGIMES.flatMap((g) => input.report.regimes[g].ruledOut.map((r) => r.text));
    for (const r of reasons) {
      expect(texts(full).some((s) => s.includes(r))).toBe(true);
      expect(texts(standard).some((s) => s.includes(r))).toBe(false);
    }
    expect(texts(standard).some((s) => s.includes(t('pdf:tiers.ruledOutCount', { count: input.report.regimes.EU.ruledOut.length })))).toBe(true);
    // More articles in appendix B, and a longer document.
    expect(allBlocks(full.blocks).length).toBeGreaterThan(allBlocks(standard.blocks).length);
  });
});
