/** Invite and share links: round trips for any content (fast-check), and every kind of broken link named. */
import fc from 'fast-check';
import { Gunzip, Gzip, gzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { exampleAnswers, projectRules } from '../testing/fixtures';
import { MAX_FILE_BYTES } from '../file-format/assessment-file';
import { newRecord, type AssessmentRecord } from '../assessment/record';
import { readAssessmentFile } from '../file-format/read-file';
import { exportFile } from '../file-format/summarize';
import { LANGS } from '../engine';
import { createI18n } from '../i18n/i18n';
import { checkLine } from '../lib/text-fields';
import { inviteProblemText } from './link-messages';
import { INFLATE_SLICE, INVITE_ROUTE, MAX_INVITE_QUERY, MAX_SHARE_BYTES, SHARE_ROUTE, inflateLimited, inviteFragment, readInvite, readShare, shareFragment, toBase64Url, type InviteProblem } from './links';

const rs = projectRules();
const label = fc
  .string({ minLength: 1, maxLength: 200, unit: 'grapheme' })
  .filter((s) => s.trim() === s && s.length > 0 && s.length <= 200 && checkLine(s, 200).ok && !/ {2}/.test(s) && s === s.normalize('NFC'));
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

  it('names what is missing or wrong, and in which field', () => {
    expect(readInvite('cohort=Spring')).toEqual({ ok: false, problem: { code: 'missing', field: 'incubator' } });
    expect(readInvite('incubator=Hub&cohort=%20')).toEqual({ ok: false, problem: { code: 'missing', field: 'cohort' } });
    expect(readInvite(`incubator=${'x'.repeat(201)}&cohort=A`)).toEqual({ ok: false, problem: { code: 'too_long', field: 'incubator', length: 201, max: 200 } });
    expect(readInvite('incubator=Hub%07&cohort=A')).toEqual({ ok: false, problem: { code: 'control', field: 'incubator', char: 'U+0007' } });
  });

  it('refuses line breaks, tabs and direction characters that it used to turn into spaces or keep (issue 14)', () => {
    expect(readInvite('incubator=Hub&cohort=A%0AB')).toEqual({ ok: false, problem: { code: 'control', field: 'cohort', char: 'U+000A' } });
    expect(readInvite('incubator=Hub%09X&cohort=A')).toEqual({ ok: false, problem: { code: 'control', field: 'incubator', char: 'U+0009' } });
    for (const [c, name] of [['%E2%80%AE', 'U+202E'], ['%E2%81%A6', 'U+2066'], ['%E2%80%8F', 'U+200F'], ['%D8%9C', 'U+061C']]) {
      expect(readInvite(`incubator=Hub&cohort=Spring${c}`)).toEqual({ ok: false, problem: { code: 'bidi', field: 'cohort', char: name } });
    }
    expect(readInvite('incubator=%D8%B4%D8%B1%D9%83%D8%A9&cohort=A')).toEqual({ ok: true, cohort: { incubator: 'شركة', label: 'A' } });
  });

  it('refuses a parameter given twice, an unknown one, broken percent-encoding and an overlong query before reading it', () => {
    const damaged = { ok: false, problem: { code: 'damaged' } };
    expect(readInvite('incubator=Hub&cohort=A&cohort=B')).toEqual(damaged);
    expect(readInvite('incubator=Hub&cohort=A&admin=1')).toEqual(damaged);
    expect(readInvite('incubator=Hub%E2%80&cohort=A')).toEqual(damaged);
    expect(readInvite('incubator=Hub%ZZ&cohort=A')).toEqual(damaged);
    expect(readInvite(`incubator=${'%41'.repeat(MAX_INVITE_QUERY)}&cohort=A`)).toEqual(damaged);
  });

  it('has a message in both languages for every problem, naming the field', () => {
    const problems: InviteProblem[] = [
      { code: 'missing', field: 'incubator' },
      { code: 'missing', field: 'cohort' },
      { code: 'too_long', field: 'cohort', length: 201, max: 200 },
      { code: 'control', field: 'incubator', char: 'U+000A' },
      { code: 'bidi', field: 'cohort', char: 'U+202E' },
      { code: 'damaged' },
    ];
    for (const lang of LANGS) {
      const i = createI18n(lang);
      for (const p of problems) {
        const text = inviteProblemText(p, i.t);
        expect(text.length).toBeGreaterThan(20);
        expect(text).not.toMatch(/\{\{|invite\./);
        if ('char' in p) expect(text).toContain(p.char);
        if (p.code !== 'missing' && p.code !== 'damaged') expect(text).toContain(i.t(`portfolio:invite.fieldName.${p.field}`));
      }
    }
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

  it('refuses a link with any one character of its data changed, unless the change alters nothing (fast-check)', async () => {
    const text = JSON.stringify(exportFile(rs, { ...newRecord(), answers: exampleAnswers('E2') as AssessmentRecord['answers'] }));
    const f = rest(await shareFragment(text), SHARE_ROUTE);
    const start = f.lastIndexOf('/') + 1;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: start, max: f.length - 2 }), fc.integer({ min: 1, max: 63 }), async (at, shift) => {
        const c = alphabet[(alphabet.indexOf(f[at]!) + shift) % 64]!;
        // Deflate ignores the padding bits after its last block (and a code length given to a symbol
        // never used): such a change decodes to the very same file, which the CRC then rightly accepts.
        const r = await readShare(f.slice(0, at) + c + f.slice(at + 1));
        if (r.ok) expect(r.text).toBe(text);
        else expect(r.problem).toBe('damaged');
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

/**
 * A decompressor that behaves like a browser's DecompressionStream: a TransformStream that inflates each
 * written chunk whole, at once, whatever it comes to. Counts what went in and what came out.
 */
class EagerGunzip {
  static last: EagerGunzip | undefined;
  fed = 0;
  produced = 0;
  readonly writable: WritableStream<Uint8Array>;
  readonly readable: ReadableStream<Uint8Array>;
  constructor() {
    EagerGunzip.last = this;
    let out!: TransformStreamDefaultController<Uint8Array>;
    const g = new Gunzip((data) => {
      this.produced += data.length;
      out.enqueue(data.slice());
    });
    const ts = new TransformStream<Uint8Array, Uint8Array>({
      start: (c) => void (out = c),
      transform: (chunk) => {
        this.fed += chunk.length;
        g.push(chunk);
      },
      flush: () => g.push(new Uint8Array(0), true),
    });
    this.writable = ts.writable;
    this.readable = ts.readable;
  }
}

/** gzip of `mb` megabytes of zeros, made a megabyte at a time (deflate gets about 1000:1 on it). */
function zeroBomb(mb: number): Uint8Array {
  const z = new Gzip({ level: 9 });
  const parts: Uint8Array[] = [];
  z.ondata = (d) => parts.push(d);
  const zero = new Uint8Array(1 << 20);
  for (let i = 0; i < mb; i++) z.push(zero, i === mb - 1);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
const linkFor = (gz: Uint8Array) => {
  const packed = gz.subarray(10);
  return `1/${packed.length}/${toBase64Url(packed)}`;
};

describe('share link: a compression bomb (issue 14)', () => {
  const bomb = zeroBomb(64);

  it('is refused after inflating little more than the limit, where a browser inflated it all (64 MB from a 64 KB link)', async () => {
    expect(bomb.length).toBeLessThan(100_000);
    vi.stubGlobal('DecompressionStream', EagerGunzip);
    try {
      expect(await readShare(linkFor(bomb))).toEqual({ ok: false, problem: 'too_large' });
    } finally {
      vi.unstubAllGlobals();
    }
    const d = EagerGunzip.last!;
    // The limit, plus what one slice of at most 1 KB can inflate to (deflate's ceiling is 1032:1).
    expect(d.produced).toBeLessThanOrEqual(MAX_FILE_BYTES + 1024 * 1032 + 65_536);
    expect(INFLATE_SLICE).toBeLessThanOrEqual(1024);
    expect(d.fed).toBeLessThan(bomb.length / 4);
  }, 30_000);

  it('is refused by the real decompressor too, quickly', async () => {
    const t0 = performance.now();
    expect(await readShare(linkFor(bomb))).toEqual({ ok: false, problem: 'too_large' });
    expect(performance.now() - t0).toBeLessThan(5_000);
  });

  it('reads a link whose file is exactly at the limit, and refuses one byte more', async () => {
    const at = new Uint8Array(MAX_FILE_BYTES).fill(0x20);
    const gz = (n: number) => gzipSync(at.subarray(0, n), { mtime: 0 });
    expect(await inflateLimited(gz(MAX_FILE_BYTES), MAX_FILE_BYTES)).toMatchObject({ ok: true });
    const over = new Uint8Array(MAX_FILE_BYTES + 1).fill(0x20);
    expect(await inflateLimited(gzipSync(over), MAX_FILE_BYTES)).toEqual({ ok: false, problem: 'too_large' });
  });

  it('refuses a link longer than any payload before decoding it, and a length past the largest', async () => {
    expect(await readShare(`1/5/${'A'.repeat(2_000_000)}`)).toEqual({ ok: false, problem: 'too_large' });
    expect(await readShare(`1/${MAX_SHARE_BYTES + 1}/AAAA`)).toEqual({ ok: false, problem: 'too_large' });
  });
});
