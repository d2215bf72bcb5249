/**
 * Issue 14, the command line under attack: each finding of the tester's 2,400 inputs, as a test.
 * Special files (a FIFO, a link to /dev/zero) are also run in a real process with a time limit, so
 * that a reader that blocks shows up as a failure instead of hanging the suite.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { sampleAnswers, seededRandom } from '../engine';
import { exampleFile, projectRules } from '../testing/fixtures';
import type { FsApi } from './inputs';
import { type Io, main } from './main';
import { shown } from './text';
import { expandInputs } from './walk';

const rs = projectRules();
const DATE = ['--date', '2026-11-23'];
const MAIN = resolve('src/cli/main.ts');
const isRoot = process.getuid?.() === 0;

const dir = () => mkdtempSync(join(tmpdir(), 'cli-hostile-'));

async function cli(args: string[], io: Partial<Io> = {}) {
  let out = '';
  let err = '';
  const outs: number[] = [];
  const code = await main(args, {
    out: (s) => {
      outs.push(s.length);
      out += s;
    },
    err: (s) => (err += s),
    ...io,
  });
  return { code, out, err, outs };
}

/** The CLI in its own process, killed after `ms`: a reader that blocks or never ends fails the test. */
function cliProcess(args: string[], ms = 30_000) {
  const p = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], { encoding: 'utf8', timeout: ms, maxBuffer: 64 * 1024 * 1024 });
  return { code: p.status, signal: p.signal, out: p.stdout, err: p.stderr };
}

/** Every line on stderr is one of ours: nothing in the input started a line of its own. */
function expectOwnLines(err: string) {
  for (const line of err.split('\n').filter(Boolean)) expect(line).toMatch(/^(error|warning): /);
}

describe('special files (FIFO, /dev/zero, folders)', () => {
  it('refuses a FIFO without opening it, and classifies the other files (was: hung forever)', () => {
    const d = dir();
    const fifo = join(d, 'pipe.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = cliProcess(['classify', fifo, exampleFile('E4'), ...DATE]);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${fifo}: a named pipe (FIFO), not a file`);
    expect(JSON.parse(r.out)).toHaveLength(1);
  }, 60_000);

  it('refuses a link to /dev/zero as a device before reading anything (was: memory eaten)', () => {
    const d = dir();
    const zero = join(d, 'zero.ndjson');
    symlinkSync('/dev/zero', zero);
    const r = cliProcess(['classify', zero, exampleFile('E4'), '--format', 'csv', ...DATE]);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${zero}: a device, not a file`);
    expect(Papa.parse(r.out.slice(1).trim()).data).toHaveLength(2);
  }, 60_000);

  it('checks the size before reading, and reads no more than the limit from a file that lies or grows', async () => {
    const { readInput, LIMITS } = await import('./inputs');
    const d = dir();
    const big = join(d, 'big.json');
    writeFileSync(big, `[${'1,'.repeat(600)}1]`);
    const items = [];
    for await (const x of readInput(big, rs, { ...LIMITS, jsonFileBytes: 1000 })) items.push(x);
    expect(items).toEqual([{ problem: expect.objectContaining({ key: 'cli:input.tooLarge', params: { bytes: 1203, max: 1000 } }) }]);
    // A file whose stat says small but that holds more (as one growing while read would): read up to the limit only.
    const fakeStat: FsApi = { ...fsp, stat: async (p) => ({ ...(await fsp.stat(p)), size: 10, isFile: () => true }) as never };
    const grown = [];
    for await (const x of readInput(big, rs, { ...LIMITS, jsonFileBytes: 1000 }, fakeStat)) grown.push(x);
    expect(grown).toEqual([{ problem: expect.objectContaining({ key: 'cli:input.grew', params: { max: 1000 } }) }]);
    // NDJSON read as a stream: the records within the limit are read, then the rest is refused by name.
    const lines = join(d, 'grows.ndjson');
    writeFileSync(lines, `${'{"answers": {}}\n'.repeat(100)}`);
    const streamed = [];
    for await (const x of readInput(lines, rs, { ...LIMITS, streamFileBytes: 160 }, fakeStat)) streamed.push(x);
    expect(streamed.filter((x) => x.record)).toHaveLength(10);
    expect(streamed.at(-1)).toEqual({ problem: expect.objectContaining({ key: 'cli:input.grew', params: { max: 160 } }) });
  });

  it('names a folder given to classify, and a missing file, and goes on', async () => {
    const r = await cli(['classify', tmpdir(), join(dir(), 'nope.json'), exampleFile('E8'), ...DATE]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/: a folder, not a file/);
    expect(r.err).toMatch(/nope\.json: no such file or folder/);
    expect(JSON.parse(r.out)).toHaveLength(1);
  });
});

describe('portfolio folders: links, loops, unreadable folders', () => {
  function cohort() {
    const d = dir();
    copyFileSync(exampleFile('E4'), join(d, 'good.json'));
    symlinkSync(join(d, 'gone.json'), join(d, 'broken.json'));
    mkdirSync(join(d, 'sub'));
    copyFileSync(exampleFile('E8'), join(d, 'sub', 'also-good.json'));
    symlinkSync(d, join(d, 'sub', 'back'));
    symlinkSync('self.json', join(d, 'self.json'));
    symlinkSync(join(d, 'good.json'), join(d, 'sub', 'same.json'));
    return d;
  }

  it('walks past a dangling link and a loop, names each, and still writes the CSV and PDFs (was: nothing written, "PDF failed")', async () => {
    const d = cohort();
    const out = join(d, 'out');
    const r = await cli(['portfolio', d, '--out', out, ...DATE]);
    expect(r.code).toBe(1);
    expectOwnLines(r.err);
    expect(r.err).not.toMatch(/PDF/);
    expect(r.err).toContain(`error: ${join(d, 'broken.json')}: a symbolic link to "${join(d, 'gone.json')}", which does not exist`);
    expect(r.err).toContain(`error: ${join(d, 'sub', 'back')}: a symbolic link back to "${d}", a folder that contains it`);
    expect(r.err).toContain(`error: ${join(d, 'self.json')}: a symbolic link that leads round in a loop`);
    expect(r.err).toContain(`warning: ${join(d, 'sub', 'same.json')}: the same file or folder as "${join(d, 'good.json')}"`);
    const rows = Papa.parse(readFileSync(join(out, 'portfolio.csv'), 'utf8').slice(1), { skipEmptyLines: true }).data;
    expect(rows).toHaveLength(3); // header + good.json + sub/also-good.json (same.json read once)
    expect(readdirSync(out).filter((f) => f.endsWith('.pdf'))).toHaveLength(2);
  }, 60_000);

  it.skipIf(isRoot)('names a folder it may not read and walks the rest (real permissions)', async () => {
    const d = dir();
    copyFileSync(exampleFile('E4'), join(d, 'good.json'));
    mkdirSync(join(d, 'locked'));
    chmodSync(join(d, 'locked'), 0);
    try {
      const w = await expandInputs([d]);
      expect(w.files).toEqual([join(d, 'good.json')]);
      expect(w.problems).toEqual([expect.objectContaining({ file: join(d, 'locked'), key: 'cli:input.dirDenied' })]);
    } finally {
      chmodSync(join(d, 'locked'), 0o755);
    }
  });

  it('names a folder it may not read and walks the rest (EACCES simulated: root reads every folder)', async () => {
    const d = dir();
    copyFileSync(exampleFile('E4'), join(d, 'good.json'));
    mkdirSync(join(d, 'locked'));
    copyFileSync(exampleFile('E8'), join(d, 'locked', 'hidden-from-us.json'));
    copyFileSync(exampleFile('E2'), join(d, 'unreadable.json'));
    const denied = (p: unknown) => Object.assign(new Error(`EACCES: permission denied, '${String(p)}'`), { code: 'EACCES' });
    const fs: FsApi = {
      ...fsp,
      readdir: (async (p: string, o?: unknown) => {
        if (p === join(d, 'locked')) throw denied(p);
        return fsp.readdir(p, o as never);
      }) as FsApi['readdir'],
      open: (async (p: string, ...rest: unknown[]) => {
        if (p === join(d, 'unreadable.json')) throw denied(p);
        return fsp.open(p, ...(rest as []));
      }) as FsApi['open'],
    };
    const out = join(d, 'out');
    const { runPortfolio } = await import('./portfolio');
    const { createI18n } = await import('../i18n/i18n');
    const res = await runPortfolio(rs, { inputs: [d], out, lang: 'en', date: '2026-11-23', fs }, createI18n('en').t);
    expect(res.problems).toEqual([
      `${join(d, 'locked')}: permission denied: this folder cannot be read; the rest of the run goes on`,
      `${join(d, 'unreadable.json')}: permission denied: this file cannot be read`,
    ]);
    expect(res.rows).toHaveLength(1);
    expect(readFileSync(join(out, 'portfolio.csv'), 'utf8')).toContain('good.json');
  }, 60_000);

  it('refuses a FIFO, a socket and a device found in a folder without opening them', async () => {
    const d = dir();
    expect(spawnSync('mkfifo', [join(d, 'pipe.json')]).status).toBe(0);
    symlinkSync('/dev/zero', join(d, 'zero.json'));
    copyFileSync(exampleFile('E4'), join(d, 'good.json'));
    const server = createServer();
    await new Promise<void>((ok) => server.listen(join(d, 'socket.json'), ok));
    try {
      const w = await expandInputs([d]);
      expect(w.files).toEqual([join(d, 'good.json')]);
      expect(w.problems.map((p) => [p.file, p.key])).toEqual([
        [join(d, 'pipe.json'), 'cli:input.isFifo'],
        [join(d, 'socket.json'), 'cli:input.isSocket'],
        [join(d, 'zero.json'), 'cli:input.isDevice'],
      ]);
      const r = await cli(['classify', join(d, 'socket.json'), ...DATE]);
      expect(r.err).toBe(`error: ${join(d, 'socket.json')}: a socket, not a file: refused\n`);
    } finally {
      server.close();
    }
  });
});

describe('messages cannot be forged', () => {
  it('escapes C0, DEL, C1, ESC and bidi controls visibly', () => {
    expect(shown('a\nb\r\tc\u0000\u001b[31m\u007f\u0085\u009b\u202e\u2066\u2028')).toBe('a\\nb\\r\\tc\\u0000\\u001b[31m\\u007f\\u0085\\u009b\\u202e\\u2066\\u2028');
    expect(shown('上海 · ok "quoted" \\ path')).toBe('上海 · ok "quoted" \\ path');
  });

  it('a file name or file content cannot start a line of its own on stderr (was: forged "error:" lines)', async () => {
    const d = dir();
    const evilName = join(d, 'x\nerror: all records are fine\u001b[2K.json');
    writeFileSync(evilName, '{"answers": 1}\n');
    const evilContent = join(d, 'content.json');
    writeFileSync(evilContent, 'e\u001b\nerror: f');
    const evilLine = join(d, 'lines.ndjson');
    writeFileSync(evilLine, `{"answers": {"scale": "x\\u000aerror: forged\\u001b[0m"}}\n{"format": "ai-risk-self-assessment\\nerror: forged", "schemaVersion": 2}\n`);
    const r = await cli(['classify', evilName, evilContent, evilLine, exampleFile('E4'), ...DATE]);
    expect(r.code).toBe(1);
    expectOwnLines(r.err);
    expect(r.err).not.toContain('\u001b');
    expect(r.err).toContain('x\\nerror: all records are fine\\u001b[2K.json');
    expect(r.err).toContain('"e\\u001b\\nerror: f" is not valid JSON');
    expect(r.err).toContain('has no option "x\\nerror: forged\\u001b[0m"');
    expect(r.err.split('\n').filter(Boolean)).toHaveLength(4);
    expect(JSON.parse(r.out)).toHaveLength(1);
  });
});

describe('help', () => {
  it('--help, -h and help print every command with exit 0', async () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const r = await cli(args);
      expect(r.code).toBe(0);
      expect(r.err).toBe('');
      for (const c of ['classify', 'portfolio', 'check', 'catalogue', 'help']) expect(r.out).toContain(`  ${c}`);
    }
  });

  it('help <command> and <command> --help print its options, in Chinese with --lang zh-CN', async () => {
    for (const args of [['help', 'classify'], ['classify', '--help'], ['classify', '-h']]) {
      const r = await cli(args);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/--format json\|ndjson\|csv\|pdf\|docx\|md +output: a JSON array/);
      for (const o of ['--out DIR', '--lang en|zh-CN', '--date YYYY-MM-DD', '--rules DIR', '-h, --help']) expect(r.out).toContain(o);
    }
    expect((await cli(['portfolio', '--help'])).out).toContain('--out DIR');
    expect((await cli(['check', '--help'])).out).toContain('--samples N');
    for (const args of [['help', 'portfolio', '--lang', 'zh-CN'], ['portfolio', '--help', '--lang', 'zh-CN']]) {
      const zh = await cli(args);
      expect(zh.code).toBe(0);
      expect(zh.out).toContain('用法：npm run -s cli -- portfolio');
      expect(zh.out).toMatch(/--out DIR +写入的文件夹/);
    }
    expect((await cli(['help', 'classify', 'portfolio'])).code).toBe(2);
  });

  it('unknown commands still exit 2', async () => {
    expect((await cli(['frobnicate'])).code).toBe(2);
    expect((await cli(['help', 'frobnicate'])).code).toBe(2);
    expect((await cli(['frobnicate', '--help'])).code).toBe(2);
  });
});

describe('deep nesting and large runs', () => {
  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  it('refuses a 12 KB file whose format or schemaVersion nests 6,000 deep, by name, and keeps the good files (was: stack trace, run lost)', async () => {
    const d = dir();
    const f1 = join(d, 'format.json');
    writeFileSync(f1, `{"format": ${nested(6000)}, "schemaVersion": 2}`);
    const f2 = join(d, 'schema.json');
    writeFileSync(f2, `{"format": "ai-risk-self-assessment", "schemaVersion": ${nested(6000)}}`);
    const f3 = join(d, 'lines.ndjson');
    writeFileSync(f3, `{"answers": ${nested(6000)}}\n${readFileSync(exampleFile('E4'), 'utf8').replace(/\n/g, ' ')}\n`);
    const r = await cli(['classify', f1, f2, f3, exampleFile('E8'), ...DATE]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${f1}: arrays and objects nested more than 64 levels deep: refused before parsing`);
    expect(r.err).toContain(`${f2}: arrays and objects nested more than 64 levels deep`);
    expect(r.err).toContain(`${f3}: record 1: arrays and objects nested more than 64 levels deep`);
    expect(r.err.split('\n').filter(Boolean)).toHaveLength(3);
    expect(JSON.parse(r.out).map((x: { source: { file: string } }) => x.source.file)).toEqual([f3, exampleFile('E8')]);
  });

  it('writes 8,000 records as a JSON array in blocks as they are made, not as one string (was: crashed at 7,000)', async () => {
    const d = dir();
    const rng = seededRandom(7);
    const file = join(d, 'many.ndjson');
    writeFileSync(file, Array.from({ length: 8000 }, (_, i) => JSON.stringify({ meta: { company: `C${i}` }, answers: { ...sampleAnswers(rs, rng), company_name: undefined } })).join('\n'));
    const r = await cli(['classify', file, ...DATE]);
    // Sampled answers leave questions open: the first 20 such records are named, then one line counts the rest.
    const lines = r.err.split('\n').filter(Boolean);
    expect(lines.every((l) => l.startsWith('warning: '))).toBe(true);
    expect(lines.length).toBeLessThanOrEqual(2 * 20 + 1);
    expect(lines.at(-1)).toMatch(/^warning: \d+ more record\(s\) have unanswered questions or contradicting answers/);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out).toHaveLength(8000);
    expect(out[7999].subject.company).toBe('C7999');
    expect(r.outs.length).toBeGreaterThan(100);
    expect(Math.max(...r.outs)).toBeLessThan(256 * 1024);
  }, 120_000);

  it('waits for "drain" when the output is full, writing nothing meanwhile', async () => {
    let waiting = false;
    let drains = 0;
    let out = '';
    const r = await cli(['classify', ...['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9'].map(exampleFile), '--format', 'ndjson', ...DATE], {
      out: (s) => {
        expect(waiting).toBe(false);
        out += s;
        return false;
      },
      drain: async () => {
        waiting = true;
        drains++;
        await new Promise((ok) => setTimeout(ok, 5));
        waiting = false;
      },
    });
    expect(r.code).toBe(0);
    expect(drains).toBeGreaterThan(1);
    expect(out.trim().split('\n').map((l) => JSON.parse(l).source.record)).toHaveLength(9);
  });
});
