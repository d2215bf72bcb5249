/** Invite and share links: round trips for any content (fast-check), and every kind of broken link named. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleAnswers, projectRules } from '../testing/fixtures';
import { newRecord, readAssessmentFile, type AssessmentRecord } from '../report/assessment-file';
import { exportFile } from '../report/summarize';
import { INVITE_ROUTE, SHARE_ROUTE, inviteFragment, readInvite, readShare, shareFragment } from './links';

const rs = projectRules();
const label = fc.string({ minLength: 1, maxLength: 200, unit: 'grapheme' }).filter((s) => s.trim() === s && s.length > 0 && s.length <= 200 && !/\p{Cc}/u.test(s) && s.replace(/\s+/g, ' ') === s && s === s.normalize('NFC'));
const rest = (fragment: string, route: string) => fragment.slice(route.length);

describe('invite link', () => {
  it('round-trips any incubator name and cohort label, in any script, through the fragment', () => {
    fc.assert(
      fc.property(label, label, (incubator, cohort) => {
        const f = inviteFragment({ incubator, label: cohort });
        expect(f.startsWith(`${INVITE_ROUTE}?`)).toBe(true);
        expect(readInvite(rest(f, `${INVITE_ROUTE}?`))).toEqual({ ok: true, cohort: { incubator, label: cohort } });
      }),
      { numRuns: 300 },
    );
  });

  it('names what is missing or wrong', () => {
    expect(readInvite('cohort=Spring')).toEqual({ ok: false, problem: 'missing_incubator' });
    expect(readInvite('incubator=Hub&cohort=%20')).toEqual({ ok: false, problem: 'missing_cohort' });
    expect(readInvite(`incubator=${'x'.repeat(201)}&cohort=A`)).toEqual({ ok: false, problem: 'bad_label' });
    expect(readInvite('incubator=Hub%07&cohort=A')).toEqual({ ok: false, problem: 'bad_label' });
  });

  it('tidies spacing the way a pasted label arrives', () => {
    expect(readInvite('incubator=%20Pudong%20%20AI%20Hub%20&cohort=2026%E7%A7%8B')).toEqual({ ok: true, cohort: { incubator: 'Pudong AI Hub', label: '2026秋' } });
  });
});

describe('share link', () => {
  it('round-trips any text exactly (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 3000, unit: 'binary' }), async (text) => {
        const f = await shareFragment(text);
        expect(f).toMatch(/^#\/share\/1\/\d+\/[A-Za-z0-9_-]*$/);
        expect(await readShare(rest(f, SHARE_ROUTE))).toEqual({ ok: true, text });
      }),
      { numRuns: 200 },
    );
  });

  it('carries a whole assessment, which reads back unchanged, in a link of a few kilobytes', async () => {
    const rec: AssessmentRecord = { ...newRecord(new Date('2026-11-23T10:00:00Z'), 'share1'), answers: exampleAnswers('E5') as AssessmentRecord['answers'], step: 'result', cohort: { incubator: '张江孵化器', label: '2026 秋季' } };
    const f = await shareFragment(JSON.stringify(exportFile(rs, rec)));
    expect(f.length).toBeLessThan(4000);
    const r = await readShare(rest(f, SHARE_ROUTE));
    expect(r.ok && readAssessmentFile(rs, r.text)).toMatchObject({ ok: true, record: rec });
  });

  it('refuses every shortened link as truncated (fast-check over where it was cut)', async () => {
    const f = rest(await shareFragment(JSON.stringify(exportFile(rs, { ...newRecord(), answers: exampleAnswers('E1') as AssessmentRecord['answers'] }))), SHARE_ROUTE);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: f.length - 1 }), async (cut) => {
        const r = await readShare(f.slice(0, cut));
        expect(r.ok).toBe(false);
        if (!r.ok && cut > 2) expect(r.problem).toBe('truncated');
      }),
      { numRuns: 150 },
    );
  });

  it('refuses a link with any one character of its data changed (fast-check)', async () => {
    const f = rest(await shareFragment(JSON.stringify(exportFile(rs, { ...newRecord(), answers: exampleAnswers('E2') as AssessmentRecord['answers'] }))), SHARE_ROUTE);
    const start = f.lastIndexOf('/') + 1;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: start, max: f.length - 2 }), fc.integer({ min: 1, max: 63 }), async (at, shift) => {
        const c = alphabet[(alphabet.indexOf(f[at]!) + shift) % 64]!;
        expect(await readShare(f.slice(0, at) + c + f.slice(at + 1))).toEqual({ ok: false, problem: 'damaged' });
      }),
      { numRuns: 150 },
    );
  });

  it('names a link from a future format, and garbage', async () => {
    expect(await readShare('2/10/abcd')).toEqual({ ok: false, problem: 'unsupported_version' });
    expect(await readShare('hello')).toEqual({ ok: false, problem: 'damaged' });
    expect(await readShare('1/12/ab$d')).toEqual({ ok: false, problem: 'damaged' });
  });

  it('refuses a crafted link that would inflate past the file size limit, without inflating it all', async () => {
    const f = await shareFragment('0'.repeat(3_000_000));
    expect(await readShare(rest(f, SHARE_ROUTE))).toEqual({ ok: false, problem: 'too_large' });
  });
});
