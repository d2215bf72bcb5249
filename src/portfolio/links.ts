/**
 * Invite and share links. Everything sits in the URL fragment (after "#"), which browsers never send
 * to a server: opening a link reveals nothing to whoever hosts the app.
 *
 *   invite: #/invite?incubator=<name>&cohort=<label>
 *   share:  #/share/1/<byte length>/<base64url of the gzip-compressed file, without gzip's header>
 *
 * gzip (the browser's own CompressionStream) ends with a CRC-32 and the length of the file, so a
 * changed character is caught when decompressing (or changes nothing: deflate ignores the padding bits
 * after its last block). Its 10-byte header (time stamp, OS) is left out — nothing checks it — and put
 * back, always the same, when reading; base64 is checked to be in its one canonical form. The byte
 * length, written before the data, tells a link cut short from one that was altered. Sizes are checked
 * before any decoding, and decompression stops as soon as its output passes the file size limit
 * (`inflateLimited`). What a share link holds is then read like any imported file.
 */
import { checkLine } from '../lib/text-fields';
import { MAX_FILE_BYTES } from '../file-format/assessment-file';
import { MAX_LABEL_LENGTH, type Cohort } from '../assessment/record';

import { INVITE_ROUTE, SHARE_ROUTE } from '../lib/route';

export { INVITE_ROUTE, SHARE_ROUTE };
const SHARE_VERSION = '1';

// ---- invite ---------------------------------------------------------------------------------

export type InviteField = 'incubator' | 'cohort';
export type InviteProblem =
  | { code: 'missing'; field: InviteField }
  | { code: 'too_long'; field: InviteField; length: number; max: number }
  | { code: 'control'; field: InviteField; char: string }
  | { code: 'bidi'; field: InviteField; char: string }
  | { code: 'damaged' };

/** An invite link's query is two labels: anything longer than this (percent-encoded) is not one. */
export const MAX_INVITE_QUERY = 4 * 9 * MAX_LABEL_LENGTH;
const INVITE_PARAMS: Record<string, InviteField> = { incubator: 'incubator', cohort: 'cohort' };

/**
 * A label an incubator types or a link carries: one line without control or direction characters
 * (lib/text-fields.ts), runs of spaces as one, trimmed, at most MAX_LABEL_LENGTH characters.
 */
export function checkLabel(s: string, field: InviteField): { ok: true; value: string } | { ok: false; problem: InviteProblem } {
  const r = checkLine(s.normalize('NFC').replace(/ {2,}/g, ' '), MAX_LABEL_LENGTH);
  if (r.ok) return r.value ? r : { ok: false, problem: { code: 'missing', field } };
  const p = r.problem;
  if (p.kind === 'too_long') return { ok: false, problem: { code: 'too_long', field, length: p.length, max: p.max } };
  if (p.kind === 'control' || p.kind === 'bidi') return { ok: false, problem: { code: p.kind, field, char: p.char } };
  return { ok: false, problem: { code: 'damaged' } };
}

export function inviteFragment(c: Cohort): string {
  return `${INVITE_ROUTE}?${new URLSearchParams({ incubator: c.incubator, cohort: c.label }).toString()}`;
}

/**
 * `query` is what follows "#/invite?". Strict: exactly the two parameters, each once, correctly
 * percent-encoded, each a label `checkLabel` takes. Never throws.
 */
export function readInvite(query: string): { ok: true; cohort: Cohort } | { ok: false; problem: InviteProblem } {
  if (typeof query !== 'string' || query.length > MAX_INVITE_QUERY) return { ok: false, problem: { code: 'damaged' } };
  const values: Partial<Record<InviteField, string>> = {};
  for (const pair of query.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const name = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = decode(eq < 0 ? '' : pair.slice(eq + 1));
    const field = name === undefined || !Object.hasOwn(INVITE_PARAMS, name) ? undefined : INVITE_PARAMS[name];
    if (!field || value === undefined || values[field] !== undefined) return { ok: false, problem: { code: 'damaged' } };
    values[field] = value;
  }
  const fields = ['incubator', 'cohort'] as const;
  const checked = fields.map((f) => checkLabel(values[f] ?? '', f));
  for (const c of checked) if (!c.ok) return c;
  const [incubator, label] = checked.map((c) => (c.ok ? c.value : '')) as [string, string];
  return { ok: true, cohort: { incubator, label } };
}

/** A form-encoded component ('+' is a space), or undefined when its percent-encoding is broken. */
function decode(s: string): string | undefined {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

// ---- share ----------------------------------------------------------------------------------

export type ShareProblem = 'unsupported_version' | 'truncated' | 'damaged' | 'too_large';
export type ShareResult = { ok: true; text: string } | { ok: false; problem: ShareProblem };

/** The largest compressed payload a link may carry: a file of MAX_FILE_BYTES that does not compress, with deflate's framing. */
export const MAX_SHARE_BYTES = MAX_FILE_BYTES + 4096;

/** The fragment for a file's text. */
export async function shareFragment(fileText: string): Promise<string> {
  const gz = await compress(new TextEncoder().encode(fileText));
  if (gz[3] !== 0) throw new Error('unexpected gzip header flags');
  const packed = gz.subarray(GZIP_HEADER.length);
  return `${SHARE_ROUTE}${SHARE_VERSION}/${packed.length}/${toBase64Url(packed)}`;
}

/** `rest` is what follows "#/share/". Never throws; its size is checked before any decoding. */
export async function readShare(rest: string): Promise<ShareResult> {
  if (typeof rest !== 'string') return { ok: false, problem: 'damaged' };
  // Version, length and data: anything much longer than the largest payload's base64 is no link of ours.
  if (rest.length > Math.ceil((MAX_SHARE_BYTES * 4) / 3) + 64) return { ok: false, problem: 'too_large' };
  const parts = rest.trim().split('/');
  if (parts[0] !== SHARE_VERSION) return { ok: false, problem: /^\d{1,4}$/.test(parts[0] ?? '') ? 'unsupported_version' : 'damaged' };
  if (parts.length < 3) return { ok: false, problem: 'truncated' };
  const [, len, data] = parts as [string, string, string];
  if (parts.length > 3 || !/^\d{1,7}$/.test(len)) return { ok: false, problem: 'damaged' };
  if (Number(len) > MAX_SHARE_BYTES) return { ok: false, problem: 'too_large' };
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
  const out = await inflateLimited(gz, MAX_FILE_BYTES);
  if (!out.ok) return out;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(out.bytes) };
  } catch {
    return { ok: false, problem: 'damaged' };
  }
}

/** gzip's header: magic, deflate, no flags, no time stamp, no extra flags, OS unknown. */
const GZIP_HEADER = Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255);

async function compress(input: Uint8Array): Promise<Uint8Array> {
  const out = await new Response(new Blob([input as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
  return new Uint8Array(out);
}

/** Compressed bytes are handed to the decompressor this many at a time. */
export const INFLATE_SLICE = 1024;

/**
 * Decompresses gzip, stopping as soon as the output passes `limit` bytes. The input goes in slices of
 * INFLATE_SLICE bytes, each written only once the decompressor has taken the one before (its
 * back-pressure), and the output is read chunk by chunk: a browser's DecompressionStream inflates a
 * whole written chunk at once, so writing a crafted link in one piece (deflate reaches ~1000:1) held a
 * gigabyte before the first check. Now at most `limit` plus one slice's output is ever held. Never throws.
 */
export async function inflateLimited(
  gz: Uint8Array,
  limit: number,
  stream: { writable: WritableStream<Uint8Array>; readable: ReadableStream<Uint8Array> } = new DecompressionStream('gzip') as never,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; problem: 'too_large' | 'damaged' }> {
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let stopped = false;
  const feeding = (async () => {
    for (let at = 0; at < gz.length && !stopped; at += INFLATE_SLICE) {
      await writer.ready;
      if (stopped) return;
      await writer.write(gz.subarray(at, at + INFLATE_SLICE) as Uint8Array<ArrayBuffer>);
    }
    if (!stopped) await writer.close();
  })();
  feeding.catch(() => undefined);
  const stop = async () => {
    stopped = true;
    await reader.cancel().catch(() => undefined);
    await writer.abort().catch(() => undefined);
  };
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > limit) {
        await stop();
        return { ok: false, problem: 'too_large' };
      }
      chunks.push(value);
    }
    await feeding;
  } catch {
    await stop();
    return { ok: false, problem: 'damaged' };
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return { ok: true, bytes: out };
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
