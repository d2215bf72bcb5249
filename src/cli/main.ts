/**
 * The command line: `npm run -s cli -- <command> …` (`help`, `--help` or `-h` for the commands and
 * their options; `help <command>` or `<command> --help` for one command):
 *   classify <files…> [--format json|ndjson|csv|pdf|docx|md] [--out DIR] [--full] [--lang en|zh-CN] [--date YYYY-MM-DD] [--rules DIR]
 *   portfolio <dirs or files…> --out DIR [--lang en|zh-CN] [--codes] [--date YYYY-MM-DD] [--rules DIR]   (portfolio.csv + one PDF each)
 *   check [--rules DIR] [--seeds DIR] [--samples N]        (npm run rules:check)
 *   catalogue [--check]                                     (npm run rules:catalogue)
 * Exit status: 0 success · 1 bad input or a failed check · 2 usage error.
 *
 * Every line printed about the input goes through `shown` (text.ts): control characters in file names
 * or contents are written as visible escapes, one line per problem, so no input can forge a line.
 */
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LANGS, type Lang } from '../engine';
import { localIsoDate } from '../lib/dates';
import { createI18n, type TFunction } from '../i18n/i18n';
import { DEFAULT_RULES_DIR, loadRulesFromDir } from '../node/load-rules';
import { FILE_FORMATS, OUTPUT_FORMATS, type OutputFormat, classifyAll, classifyFiles } from './classify';
import { BufferedWriter, csvWriter, jsonArrayWriter, ndjsonWriter } from './output';
import { shown } from './text';

export const CATALOGUE_PATH = resolve(DEFAULT_RULES_DIR, 'CATALOGUE.md');

/** Each command: its synopsis and its options (help texts are i18n keys `cli:help.option.<name>`). */
const COMMANDS = {
  classify: { synopsis: 'classify <files…> [options]', options: ['format', 'out', 'full', 'lang', 'date', 'rules'] },
  portfolio: { synopsis: 'portfolio <dirs or files…> --out DIR [options]', options: ['out', 'lang', 'codes', 'date', 'rules'] },
  check: { synopsis: 'check [options]', options: ['rules', 'seeds', 'samples'] },
  catalogue: { synopsis: 'catalogue [--check]', options: ['check'] },
  cases: { synopsis: 'cases [--write]', options: ['write', 'rules'] },
  help: { synopsis: 'help [command]', options: [] },
} as const;
type Command = keyof typeof COMMANDS;
const isCommand = (c: string | undefined): c is Command => c !== undefined && Object.hasOwn(COMMANDS, c);

/** How each option is written in the help. */
const OPTION_SYNTAX: Record<string, string> = {
  format: `--format ${OUTPUT_FORMATS.join('|')}`,
  out: '--out DIR',
  lang: `--lang ${LANGS.join('|')}`,
  date: '--date YYYY-MM-DD',
  rules: '--rules DIR',
  seeds: '--seeds DIR',
  samples: '--samples N',
  check: '--check',
  codes: '--codes',
  full: '--full',
  help: '-h, --help',
};

const PROGRAM = 'npm run -s cli --';

/** The help: every command (no command given), or one command with its options. */
export function helpText(t: TFunction, command?: Command): string {
  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(1, n - s.length));
  if (!command) {
    const names = Object.keys(COMMANDS) as Command[];
    const width = Math.max(...names.map((c) => COMMANDS[c].synopsis.length)) + 2;
    return [
      t('cli:help.usage', { synopsis: `${PROGRAM} <command> [options]` }),
      '',
      t('cli:help.intro'),
      '',
      t('cli:help.commands'),
      ...names.map((c) => `  ${pad(COMMANDS[c].synopsis, width)}${t(`cli:help.command.${c}`)}`),
      '',
      t('cli:help.more', { program: PROGRAM }),
      t('cli:help.exit'),
      '',
    ].join('\n');
  }
  const options = [...COMMANDS[command].options, 'help'];
  const width = Math.max(...options.map((o) => OPTION_SYNTAX[o]!.length)) + 2;
  return [
    t('cli:help.usage', { synopsis: `${PROGRAM} ${COMMANDS[command].synopsis}` }),
    '',
    t(`cli:help.command.${command}`),
    ...(command === 'classify' ? ['', t('cli:help.inputs')] : []),
    '',
    t('cli:help.options'),
    ...options.map((o) => `  ${pad(OPTION_SYNTAX[o]!, width)}${t(`cli:help.option.${o}`)}`),
    '',
    t('cli:help.exit'),
    '',
  ].join('\n');
}

export interface Io {
  /** Standard output; returns false when the stream is full (then `drain` says when it has room). */
  out: (s: string) => unknown;
  err: (s: string) => void;
  /** Resolves when standard output can take more (after `out` returned false). */
  drain?: () => Promise<void>;
  /** A terminal to draw progress bars on (stderr when it is a TTY); none when output is piped. */
  tty?: NodeJS.WriteStream;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const badDate = (date: string) => !DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`));

export async function main(argv: string[], io: Io): Promise<number> {
  const [first, ...rest] = argv;
  const errorLine = (s: string) => io.err(`error: ${shown(s)}\n`);
  const warningLine = (s: string) => io.err(`warning: ${shown(s)}\n`);
  // Help and usage errors are in the language asked for, where --lang names one.
  const langArg = argv[argv.indexOf('--lang') + 1];
  const ht = createI18n(argv.includes('--lang') && LANGS.includes(langArg as Lang) ? (langArg as Lang) : 'en').t;
  const usage = (key: string, params: Record<string, string> = {}) => {
    io.err(`error: ${shown(ht(`cli:usage.${key}`, params))}\n${ht('cli:usage.seeHelp', { program: PROGRAM })}\n`);
    return 2;
  };
  const help = (command?: Command) => {
    io.out(helpText(ht, command));
    return 0;
  };
  if (!first) return usage('noCommand');
  if (first === '--help' || first === '-h') return help();
  if (first === 'help') {
    // `help [command]`, in the language --lang names.
    const words = rest.filter((w, i) => w !== '--lang' && rest[i - 1] !== '--lang');
    const [topic, ...more] = words;
    if (topic === undefined) return help();
    if (!isCommand(topic) || more.length) return usage('unknownCommand', { command: [topic, ...more].join(' ') });
    return help(topic);
  }
  if (!isCommand(first)) return usage('unknownCommand', { command: first });
  const command = first;
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'json' },
        lang: { type: 'string', default: 'en' },
        date: { type: 'string' },
        out: { type: 'string' },
        rules: { type: 'string' },
        seeds: { type: 'string' },
        samples: { type: 'string' },
        check: { type: 'boolean', default: false },
        codes: { type: 'boolean', default: false },
        full: { type: 'boolean', default: false },
        write: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    return usage('badOption', { reason: (e as Error).message });
  }
  const { values: o, positionals } = parsed;
  if (o.help) return help(command);

  const loadRules = () => {
    const rules = loadRulesFromDir(o.rules ? resolve(o.rules) : DEFAULT_RULES_DIR);
    if (!rules.ok) for (const e of rules.errors) errorLine(`${e.file}: ${e.path}: ${e.message}`);
    return rules.ok ? rules.ruleSet : undefined;
  };

  switch (command) {
    case 'classify': {
      if (!OUTPUT_FORMATS.includes(o.format as OutputFormat)) return usage('badFormat', { formats: OUTPUT_FORMATS.join(', ') });
      if (!LANGS.includes(o.lang as Lang)) return usage('badLang');
      const date = o.date ?? localIsoDate();
      if (badDate(date)) return usage('badDate');
      if (!positionals.length) return usage('noFiles');
      const toFiles = FILE_FORMATS.includes(o.format as OutputFormat);
      if (toFiles && !o.out) return usage('noOut', { format: o.format! });
      if (!toFiles && o.out) return usage('outOnlyPdf');
      if (!toFiles && o.full) return usage('fullOnlyDocuments');
      const rs = loadRules();
      if (!rs) return 1;
      const lang = o.lang as Lang;
      const lt = createI18n(lang).t;
      const validFrom = rs.manifest.validFrom;
      if (date < validFrom) warningLine(lt('cli:warning.dateBeforeRuleSet', { date, validFrom }));
      if (toFiles) {
        // The document code (PDFKit, fonts and worker pool; docx) loads only when files are asked for: start-up stays short.
        const res = await classifyAll(rs, { files: positionals, lang, date }, lt, errorLine, warningLine);
        const { BatchError } = await import('./output-files');
        const printWritten = (w: { path: string; bytes: number }) => io.out(`${shown(w.path)}\t${w.bytes}\n`);
        let failed = 0;
        try {
          const edition = o.full ? { full: true } : {};
          if (o.format === 'pdf') await (await import('./pdf-files')).writePdfs(rs, res.reports, res.inputs, resolve(o.out!), lt, printWritten, edition);
          else await (await import('./document-files')).writeDocuments(rs, res.reports, res.inputs, resolve(o.out!), o.format as 'docx' | 'md', printWritten, edition);
        } catch (e) {
          if (!(e instanceof BatchError)) {
            errorLine(lt(o.format === 'pdf' ? 'errors:pdf.failed' : 'cli:output.filesFailed', { reason: (e as Error).message }));
            return 1;
          }
          for (const f of e.failures) errorLine(lt(o.format === 'pdf' ? 'cli:output.pdfFailed' : 'cli:output.fileFailed', { name: f.name, reason: f.error }));
          failed = e.failures.length;
        }
        return res.problems.length || failed ? 1 : 0;
      }
      const w = new BufferedWriter({ write: io.out, ...(io.drain ? { drain: io.drain } : {}) });
      const format = o.format === 'csv' ? csvWriter(w) : o.format === 'ndjson' ? ndjsonWriter(w) : jsonArrayWriter(w);
      await format.begin();
      const counts = await classifyFiles(rs, { files: positionals, lang, date, reports: format.needsReport }, lt, {
        result: (c) => format.result(c),
        problem: errorLine,
        warning: warningLine,
      });
      await format.end();
      return counts.problems ? 1 : 0;
    }
    case 'portfolio': {
      if (!LANGS.includes(o.lang as Lang)) return usage('badLang');
      const date = o.date ?? localIsoDate();
      if (badDate(date)) return usage('badDate');
      if (!positionals.length) return usage('noFiles');
      if (!o.out) return usage('portfolioNoOut');
      if (o.format !== 'json') return usage('portfolioFormat');
      const rs = loadRules();
      if (!rs) return 1;
      const lt = createI18n(o.lang as Lang).t;
      const [{ runPortfolio }, { Presets, SingleBar }] = await Promise.all([import('./portfolio'), import('cli-progress')]);
      const started = performance.now();
      const bar = io.tty ? new SingleBar({ format: `${lt('cli:progress.pdfs')} [{bar}] {value}/{total}  {eta_formatted}`, stream: io.tty, hideCursor: true, clearOnComplete: true }, Presets.shades_classic) : undefined;
      let res;
      try {
        res = await runPortfolio(rs, { inputs: positionals, out: resolve(o.out), lang: o.lang as Lang, date, codes: o.codes }, lt, (done, total) => {
          if (!bar) return;
          if (done === 0) bar.start(total, 0);
          else bar.update(done);
        });
      } catch (e) {
        bar?.stop();
        errorLine(lt('cli:output.portfolioFailed', { reason: (e as Error).message }));
        return 1;
      }
      bar?.stop();
      for (const p of res.notices) warningLine(p);
      for (const p of res.problems) errorLine(p);
      for (const f of res.pdfFailures) errorLine(lt('cli:output.pdfFailed', { name: f.name, reason: f.error }));
      const seconds = (performance.now() - started) / 1000;
      const mb = res.pdfs.reduce((n, p) => n + p.bytes, 0) / 1e6;
      const summary = lt('cli:progress.portfolioDone', { csv: res.csv, rows: res.rows.length, pdfs: res.pdfs.length, mb: mb.toFixed(1), seconds: seconds.toFixed(1), rate: (res.pdfs.length / seconds).toFixed(1), rejected: res.problems.length });
      io.out(`${shown(summary)}\n`);
      return res.problems.length || res.pdfFailures.length ? 1 : 0;
    }
    case 'check': {
      const samples = o.samples ? Number(o.samples) : 100_000;
      if (!Number.isInteger(samples) || samples < 1) return usage('badSamples');
      const { runCheck } = await import('./check');
      const res = runCheck({
        rulesDir: o.rules ? resolve(o.rules) : DEFAULT_RULES_DIR,
        seedsDir: o.seeds ? resolve(o.seeds) : resolve(DEFAULT_RULES_DIR, '../../shared/seeds'),
        samples,
        seed: 20221001,
      });
      for (const l of res.lines) (l.startsWith('error') ? io.err : io.out)(`${shown(l)}\n`);
      return res.ok ? 0 : 1;
    }
    case 'cases': {
      const rs = loadRules();
      if (!rs) return 1;
      const { checkCases } = await import('./cases');
      const res = checkCases(rs, { write: o.write, ...(o.rules ? { rulesDir: resolve(o.rules) } : {}) });
      for (const l of res.lines) (l.startsWith('error') ? io.err : io.out)(`${shown(l)}\n`);
      return res.ok ? 0 : 1;
    }
    case 'catalogue': {
      const rs = loadRules();
      if (!rs) return 1;
      const [{ catalogueMarkdown }, { exercisedBy }] = await Promise.all([import('../catalogue/markdown'), import('../node/cases')]);
      const md = catalogueMarkdown(rs, exercisedBy(rs));
      if (o.check) {
        let current = '';
        try {
          current = readFileSync(CATALOGUE_PATH, 'utf8');
        } catch {
          /* missing: reported below */
        }
        if (current !== md) {
          io.err('error: rules/CATALOGUE.md is out of date: run npm run rules:catalogue\n');
          return 1;
        }
        io.out('rules/CATALOGUE.md is up to date\n');
        return 0;
      }
      writeFileSync(CATALOGUE_PATH, md);
      io.out(`wrote rules/CATALOGUE.md (${md.length} characters)\n`);
      return 0;
    }
    case 'help':
      return help();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  // Output read by a program that stops early (`| head`): end quietly, as other command-line tools do.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const io: Io = {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    drain: () => once(process.stdout, 'drain').then(() => undefined),
    ...(process.stderr.isTTY ? { tty: process.stderr } : {}),
  };
  void main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
