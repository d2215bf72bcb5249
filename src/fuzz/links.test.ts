/**
 * Fuzzing share and invite links (issue 14). Share links: valid links mutated — cut short, characters
 * replaced or inserted, the length or version changed — links of mutated files, random bytes, random
 * text, and compression bombs; each is planned for import like a pasted link. Invite links: valid ones
 * mutated with control and direction characters (raw and percent-encoded), parameters doubled, unknown
 * or missing, broken percent-encoding, overlong labels, random text. Every outcome is a worded refusal
 * (nothing planned for storage) or a result every check holds for; nothing throws, hangs or pollutes.
 */
import fc from 'fast-check';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../engine';
import { createI18n } from '../i18n/i18n';
import { checkLine } from '../lib/text-fields';
import { planImport, resolveImport } from '../portfolio/importer';
import { inviteProblemText } from '../portfolio/link-messages';
import { INVITE_ROUTE, inviteFragment, readInvite, toBase64Url } from '../portfolio/links';
import { MAX_LABEL_LENGTH } from '../assessment/record';
import { projectRules } from '../testing/fixtures';
import { baseFiles, check, expectGoodRecord, expectMessage, expectNoPollution, expectRefusal, linkFor, mutateFile, mutation, NASTY_CHARS, serialize, timed } from './generators';

const rs = projectRules();
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const i18n = LANGS.map((l) => createI18n(l));
const bases = baseFiles(rs);
const baseLinks = bases.map((b) => linkFor(serialize(b)));
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Links whose data inflates far past the limit: zeros, and a file's opening followed by megabytes of spaces. */
const bombs = [new Uint8Array(16 << 20), new TextEncoder().encode(`{"format":"ai-risk-self-assessment","x":"${' '.repeat(4 << 20)}"}`), new Uint8Array((1 << 20) + 1).fill(0x41)].map(
  (bytes) => {
    const packed = gzipSync(bytes, { level: 9 }).subarray(10);
    return `1/${packed.length}/${toBase64Url(packed)}`;
  },
);

/** Pseudo-random bytes from a seed (a mutation's numbers): cheap, and shrinkable through the seed. */
function bytesFrom(seed: number, n: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed | 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

function mutateLink(b: number, m: { kind: number; at: number; pick: number; s: string }, fileMuts: Parameters<typeof mutateFile>[1]): string {
  const link = baseLinks[b]!;
  const i = m.at % (link.length + 1);
  switch (m.kind % 11) {
    case 0:
      return linkFor(mutateFile(bases[b]!, fileMuts));
    case 1:
      return link.slice(0, i);
    case 2:
      return link.slice(0, i) + (m.pick % 3 ? ALPHABET[m.pick % 64] : m.s) + link.slice(i + 1);
    case 3:
      return link.slice(0, i) + (m.s || '/') + link.slice(i);
    case 4: {
      const [v, len, data] = link.split('/');
      return `${v}/${Math.max(0, Number(len) + (m.pick % 7) - 3) * (m.pick % 11 === 0 ? 1000 : 1)}/${data}`;
    }
    case 5:
      return link.replace(/^1/, m.pick % 2 ? String(m.pick % 100) : m.s);
    case 6: {
      const bytes = bytesFrom(m.pick, m.at % 3000);
      return `1/${bytes.length}/${toBase64Url(bytes)}`;
    }
    case 7:
      return linkFor(m.s.repeat(1 + (m.pick % 50)));
    case 8:
      return bombs[m.pick % bombs.length]!;
    case 9:
      return m.pick % 2 ? ` ${link}\n` : `${link}/${m.s}`;
    default:
      return m.s;
  }
}

const SHARE_PROBLEMS = ['unsupported_version', 'truncated', 'damaged', 'too_large'];

describe('fuzz: share links', () => {
  it(`${RUNS} mutated links, random bytes and bombs: refused with a worded reason and nothing to store, or a sound record`, async () => {
    let longest = 0;
    const seen: Record<string, number> = {};
    const t0 = performance.now();
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: bases.length - 1 }), mutation, fc.array(mutation, { minLength: 1, maxLength: 2 }), async (b, m, fileMuts) => {
        const rest = mutateLink(b, m, fileMuts);
        longest = Math.max(
          longest,
          await timed(async () => {
            const plan = await planImport(rs, [{ name: 'link', link: `https://example.org/app/#/share/${rest}` }], new Map());
            check(plan.good.length + plan.bad.length === 1, 'one outcome per link');
            const bad = plan.bad[0];
            if (bad?.linkProblem) {
              seen[bad.linkProblem] = (seen[bad.linkProblem] ?? 0) + 1;
              check(SHARE_PROBLEMS.includes(bad.linkProblem), bad.linkProblem);
              for (const i of i18n) expectMessage(i.t(`portfolio:share.problem.${bad.linkProblem}`));
              if (m.kind % 11 === 8) check(bad.linkProblem === 'too_large', `a bomb read as ${bad.linkProblem}`);
            } else if (bad) {
              seen.file_refused = (seen.file_refused ?? 0) + 1;
              expectRefusal(bad.problems);
            } else {
              seen.accepted = (seen.accepted ?? 0) + 1;
              expectGoodRecord(rs, plan.good[0]!.record, plan.good[0]!.notices);
            }
            if (bad) check(resolveImport(plan, () => 'update').length === 0, 'a refused link planned for storage');
          }),
        );
        expectNoPollution();
      }),
      { numRuns: RUNS },
    );
    console.info(`fuzz share links: ${RUNS} cases in ${((performance.now() - t0) / 1000).toFixed(1)} s ${JSON.stringify(seen)}, longest case ${longest.toFixed(0)} ms`);
    expect(longest).toBeLessThan(5_000);
    for (const k of [...SHARE_PROBLEMS, 'file_refused', 'accepted']) expect(seen[k], k).toBeGreaterThan(0);
  });
});

// ---- invite links -------------------------------------------------------------------------------

const LABELS = ['Pudong AI Hub', '2026 秋季', 'حاضنة الذكاء', 'Zhangjiang  Incubator ', 'x'.repeat(MAX_LABEL_LENGTH), 'מבחן', 'A&B=C', '100% cohort', 'a+b'];
const ENCODED = ['%0A', '%0D', '%09', '%00', '%7F', '%C2%85', '%E2%80%AE', '%E2%81%A6', '%E2%81%A9', '%E2%80%8E', '%E2%80%8F', '%D8%9C', '%E2%80%A8', '%ED%A0%80', '%', '%E2%80', '%ZZ', '%25', '+', '&', '=', '&cohort=again', '&incubator=again', '&admin=1', '#', '%F0%9F%98%80'];

function mutateInvite(a: number, c: number, m: { kind: number; at: number; pick: number; s: string }): string {
  const query = inviteFragment({ incubator: LABELS[a]!, label: LABELS[c]! }).slice(INVITE_ROUTE.length + 1);
  const i = m.at % (query.length + 1);
  switch (m.kind % 9) {
    case 0:
      return query.slice(0, i) + ENCODED[m.pick % ENCODED.length] + query.slice(i);
    case 1:
      return query.slice(0, i) + NASTY_CHARS[m.pick % NASTY_CHARS.length] + query.slice(i);
    case 2:
      return query.slice(0, i);
    case 3:
      return query.slice(0, i) + m.s + query.slice(i + 1);
    case 4:
      return `${query}&${m.pick % 2 ? 'cohort' : 'incubator'}=${encodeURIComponent(m.s)}`;
    case 5:
      return query.replace(m.pick % 2 ? 'incubator=' : 'cohort=', m.s ? `${m.s}=` : '');
    case 6:
      return `incubator=${'%41'.repeat(m.pick % 400)}&cohort=${'A'.repeat(m.at % 5000)}`;
    case 7:
      return m.s;
    default:
      return query.split('&').reverse().join('&');
  }
}

describe('fuzz: invite links', () => {
  it(`${RUNS} mutated invite links: a cohort every check holds for, or a refusal naming what is wrong in both languages`, () => {
    const seen: Record<string, number> = {};
    let longest = 0;
    const t0 = performance.now();
    fc.assert(
      fc.property(fc.nat({ max: LABELS.length - 1 }), fc.nat({ max: LABELS.length - 1 }), mutation, (a, c, m) => {
        const q = mutateInvite(a, c, m);
        const t = performance.now();
        const r = readInvite(q);
        longest = Math.max(longest, performance.now() - t);
        if (r.ok) {
          seen.ok = (seen.ok ?? 0) + 1;
          for (const v of [r.cohort.incubator, r.cohort.label]) {
            const c = checkLine(v, MAX_LABEL_LENGTH);
            check(c.ok && c.value === v && v.length > 0, `label ${JSON.stringify(v)} from ${JSON.stringify(q)}`);
          }
          const again = readInvite(inviteFragment(r.cohort).slice(INVITE_ROUTE.length + 1));
          check(again.ok && again.cohort.incubator === r.cohort.incubator && again.cohort.label === r.cohort.label, `no round trip for ${JSON.stringify(q)}`);
        } else {
          seen[r.problem.code] = (seen[r.problem.code] ?? 0) + 1;
          for (const i of i18n) expectMessage(inviteProblemText(r.problem, i.t));
        }
        expectNoPollution();
      }),
      { numRuns: RUNS },
    );
    console.info(`fuzz invite links: ${RUNS} cases in ${((performance.now() - t0) / 1000).toFixed(1)} s ${JSON.stringify(seen)}, longest case ${longest.toFixed(1)} ms`);
    for (const k of ['ok', 'missing', 'too_long', 'control', 'bidi', 'damaged']) expect(seen[k], k).toBeGreaterThan(0);
  });
});
