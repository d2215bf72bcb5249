/**
 * What users type, at its worst: a 300-character company name with no space, emoji and scripts the
 * font does not have, 300 duties, empty and 2,000-character notes. The PDF is still valid, wraps and
 * paginates, draws nothing past the margin, leaves no line without ink, and says where stand-ins were
 * used. Page images: test-results/pdf/stress-*.png.
 */
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { loadPdfAssets } from '../node/pdf-assets';
import { exampleReport } from '../testing/report-fixtures';
import { blankText, overflowingText, readPdf, renderPages, squash } from '../testing/pdf-check';
import type { DutyStatus } from '../assessment/record';
import { DUTY_STATUSES, MAX_NOTE_LENGTH } from '../assessment/record';
import { checklistPdf } from './checklist-pdf';

/**
 * An 80-page PDF made, parsed and rendered page by page. Measured on a shared 2-core machine (load
 * average 12 before anything was added): 57 s alone; 148 s with two busy loops beside it; 165 s in the
 * whole unit suite with two busy loops beside it. 420 s is a margin of 2.5 over the worst seen.
 */
const STRESS_TIMEOUT_MS = 420_000;

it('survives long names, emoji, mixed scripts, 300 duties and extreme notes', async () => {
  const { rs, answers, report, t } = exampleReport('E1', 'en');
  report.subject.company = `${'Ｍega'.repeat(20)}${'X'.repeat(220)} 🚀 株式会社 Рога и копыта 한국어 العربية हिन्दी 👨‍👩‍👧 ${'\u200b'}end`;
  report.subject.product = 'Ünïcødé™ — “quotes” ‘single’ … 10²⁵ FLOPs H₂O ﬁnance \t tab \u0007 bell';

  // 300 duties, copies of the real ones with a numbered title.
  const base = report.duties;
  report.duties = Array.from({ length: 300 }, (_, i) => ({ ...base[i % base.length]!, id: `${base[i % base.length]!.id}#${i}`, title: `Duty ${i + 1}. ${base[i % base.length]!.title}` }));
  const notes = ['', 'x'.repeat(MAX_NOTE_LENGTH), `line one\nline two\n\n${'长'.repeat(400)}`, '😀😃😄 emoji only', 'مرحبا بالعالم — RTL', 'https://example.com/'.repeat(30)];
  const duties: Record<string, DutyStatus> = {};
  report.duties.forEach((d, i) => {
    const note = notes[i % notes.length]!;
    duties[d.id] = { status: DUTY_STATUSES[i % DUTY_STATUSES.length]!, ...(note ? { note } : {}) };
  });

  const bytes = await checklistPdf({ rs, report, answers, duties, assessor: `${'Å'.repeat(150)} 🙂 李伟`, t }, loadPdfAssets());
  const pdf = await readPdf(bytes);
  expect(pdf.pages.length).toBeGreaterThan(80);
  for (let i = 1; i <= 300; i++) expect(pdf.squashed.includes(`Duty${i}.`), `duty ${i}`).toBe(true);
  expect(pdf.squashed).toContain(squash('X'.repeat(220)));
  expect(pdf.squashed).toContain('X□株式会社Рогаикопыта□□□□□□□□□□□□□end'); // Hangul, Arabic, Devanagari: not in Noto Sans SC
  expect(pdf.squashed).toContain('10^25FLOPsH_2Ofinance');
  expect(pdf.squashed).toContain(squash(t('pdf:fallback', { char: '□' })));
  expect(pdf.squashed).toContain('x'.repeat(MAX_NOTE_LENGTH));
  pdf.furniture.forEach((lines, i) => expect(lines).toContain(t('pdf:page', { page: i + 1, pages: pdf.pages.length })));
  expect(pdf.info.Author).toBe(`${'Å'.repeat(150)} 🙂 李伟`);

  expect(overflowingText(pdf).slice(0, 5)).toEqual([]);
  const rendered = renderPages(bytes, resolve(import.meta.dirname, '../../../test-results/pdf'), 'stress');
  expect(blankText(pdf, rendered).slice(0, 5)).toEqual([]);
  expect(bytes.length).toBeLessThan(2_000_000);
}, STRESS_TIMEOUT_MS);
