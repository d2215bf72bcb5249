/**
 * Invite and share links. Everything sits in the URL fragment (after "#"), which browsers never send
 * to a server: opening a link reveals nothing to whoever hosts the app.
 *
 *   invite: #/invite?incubator=<name>&cohort=<label>
 *   share:  #/share/1/<byte length>/<base64url of the gzip-compressed file, without gzip's header>
 *
 * gzip (the browser's own CompressionStream) ends with a CRC-32 and the length of the file, so a
 * changed character is caught when decompressing. Its 10-byte header (time stamp, OS) is left out —
 * nothing checks it — and put back, always the same, when reading; base64 is checked to be in its one
 * canonical form. So every character of the link counts. The byte length, written before the data,
 * tells a link cut short from one that was altered. What a share link holds is then read like any
 * imported file.
 */
import { MAX_FILE_BYTES, MAX_LABEL_LENGTH, type Cohort } from '../report/assessment-file';

import { INVITE_ROUTE, SHARE_ROUTE } from './link-routes';

export { INVITE_ROUTE, SHARE_ROUTE };
const SHARE_VERSION = '1';

// ---- invite ---------------------------------------------------------------------------------

export type InviteProblem = 'missing_incubator' | 'missing_cohort' | 'bad_label';

/** A label an incubator types: trimmed, one line, at most MAX_LABEL_LENGTH characters. */
export function cleanLabel(s: string): string | undefined {
  const v = s.normalize('NFC').replace(/\s+/g, ' ').trim();
  return v && v.length <= MAX_LABEL_LENGTH && !/\p{Cc}/u.test(v) ? v : undefined;
}

export function inviteFragment(c: Cohort): string {
  return `${INVITE_ROUTE}?${new URLSearchParams({ incubator: c.incubator, cohort: c.label }).toString()}`;
}

/** `query` is what follows "#/invite?". */
export function readInvite(query: string): { ok: true; cohort: Cohort } | { ok: false; problem: InviteProblem } {
  const p = new URLSearchParams(query);
  const incubator = p.get('incubator');
  const label = p.get('cohort');
  if (!incubator?.trim()) return { ok: false, problem: 'missing_incubator' };
  if (!label?.trim()) return { ok: false, problem: 'missing_cohort' };
  const i = cleanLabel(incubator);
  const l = cleanLabel(label);
  if (!i || !l) return { ok: false, problem: 'bad_label' };
  return { ok: true, cohort: { incubator: i, label: l } };
}

// ---- share ----------------------------------------------------------------------------------

export type ShareProblem = 'unsupported_version' | 'truncated' | 'damaged' | 'too_large';
export type ShareResult = { ok: true; text: string } | { ok: false; problem: ShareProblem };

/** The fragment for a file's text. */
export async function shareFragment(fileText: string): Promise<string> {
  const gz = await pipe(new TextEncoder().encode(fileText), new CompressionStream('gzip'));
  if (gz[3] !== 0) throw new Error('unexpected gzip header flags');
  const packed = gz.subarray(GZIP_HEADER.length);
  return `${SHARE_ROUTE}${SHARE_VERSION}/${packed.length}/${toBase64Url(packed)}`;
}

/** `rest` is what follows "#/share/". Never throws. */
export async function readShare(rest: string): Promise<ShareResult> {
  const parts = rest.trim().split('/');
  if (parts[0] !== SHARE_VERSION) return { ok: false, problem: /^\d+$/.test(parts[0] ?? '') ? 'unsupported_version' : 'damaged' };
  if (parts.length < 3) return { ok: false, problem: 'truncated' };
  const [, len, data] = parts as [string, string, string];
  if (parts.length > 3 || !/^\d{1,7}$/.test(len)) return { ok: false, problem: 'damaged' };
  if (!/^[A-Za-z0-9_-]*$/.test(data)) return { ok: false, problem: 'damaged' };
  // Unpadded base64 of n bytes is ceil(4n / 3) characters.
  const chars = Math.ceil((Number(len) * 4) / 3);
  if (data.length < chars) return { ok: false, problem: 'truncated' };
  const bytes = data.length === chars ? fromBase64Url(data) : undefined;
  // Only the canonical encoding is accepted: the spare bits of the last character must be zero.
  if (!bytes || toBase64Url(bytes) !== data) return { ok: false, problem: 'damaged' };
  const gz = new Uint8Array(GZIP_HEADER.length + bytes.length);
  gz.set(GZIP_HEADER);
  gz.set(bytes, GZIP_HEADER.length);
  let out: Uint8Array;
  try {
    out = await pipe(gz, new DecompressionStream('gzip'), MAX_FILE_BYTES);
  } catch (e) {
    return { ok: false, problem: e instanceof TooLarge ? 'too_large' : 'damaged' };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(out) };
  } catch {
    return { ok: false, problem: 'damaged' };
  }
}

class TooLarge extends Error {}
/** gzip's header: magic, deflate, no flags, no time stamp, no extra flags, OS unknown. */
const GZIP_HEADER = Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255);

/** Runs bytes through a (de)compression stream, refusing output past `limit` bytes (a crafted link could inflate enormously). */
async function pipe(input: Uint8Array, stream: CompressionStream | DecompressionStream, limit = Infinity): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  const written = writer.write(input as Uint8Array<ArrayBuffer>).then(() => writer.close());
  written.catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new TooLarge();
    }
    chunks.push(value);
  }
  await written;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(s: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) return undefined;
  try {
    const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}
