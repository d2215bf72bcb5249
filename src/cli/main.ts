/**
 * The command line: `npm run -s cli -- <command> …`
 *   classify <files…> [--format json|csv|pdf] [--out DIR] [--lang en|zh-CN] [--date YYYY-MM-DD]
 *   portfolio <dirs or files…> --out DIR [--lang en|zh-CN] [--date YYYY-MM-DD]   (portfolio.csv + one PDF each)
 *   check [--rules DIR] [--seeds DIR] [--samples N]        (npm run rules:check)
 *   catalogue [--check]                                     (npm run rules:catalogue)
 * Exit status: 0 success · 1 bad input or a failed check · 2 usage error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { catalogueMarkdown } from '../catalogue/markdown';
import { localIsoDate } from '../engine/assess';
import { LANGS, type Lang } from '../engine/constants';
import { createI18n } from '../i18n/i18n';
import { DEFAULT_RULES_DIR, loadRulesFromDir } from '../node/load-rules';
import { type OutputFormat, classify, toCsv } from './classify';
import { runCheck } from './check';
import { writePdfs } from './pdf-files';
import { runPortfolio } from './portfolio';
import { Presets, SingleBar } from 'cli-progress';

export const CATALOGUE_PATH = resolve(DEFAULT_RULES_DIR, 'CATALOGUE.md');
const FORMATS: OutputFormat[] = ['json', 'csv', 'pdf'];

const USAGE = `usage:
  cli classify <files…> [--format json|csv|pdf] [--out DIR] [--lang en|zh-CN] [--date YYYY-MM-DD]
  cli portfolio <dirs or files…> --out DIR [--lang en|zh-CN] [--date YYYY-MM-DD]
  cli check [--rules DIR] [--seeds DIR] [--samples N]
  cli catalogue [--check]`;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** A terminal to draw progress bars on (stderr when it is a TTY); none when output is piped. */
  tty?: NodeJS.WriteStream;
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  const t = createI18n('en').t;
  const usage = (key: string, params: Record<string, string> = {}) => {
    io.err(`error: ${t(`cli:usage.${key}`, params)}\n${USAGE}\n`);
    return 2;
  };
  if (!command) return usage('noCommand');
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
      },
    });
  } catch (e) {
    return usage('badOption', { reason: (e as Error).message });
  }
  const { values: o, positionals } = parsed;

  switch (command) {
    case 'classify': {
      if (!FORMATS.includes(o.format as OutputFormat)) return usage('badFormat', { formats: FORMATS.join(', ') });
      if (!LANGS.includes(o.lang as Lang)) return usage('badLang');
      const date = o.date ?? localIsoDate();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) return usage('badDate');
      if (!positionals.length) return usage('noFiles');
      if (o.format === 'pdf' && !o.out) return usage('noOut');
      if (o.format !== 'pdf' && o.out) return usage('outOnlyPdf');
      const rules = loadRulesFromDir(o.rules ? resolve(o.rules) : DEFAULT_RULES_DIR);
      if (!rules.ok) {
        for (const e of rules.errors) io.err(`error: ${e.file}: ${e.path}: ${e.message}\n`);
        return 1;
      }
      const lt = createI18n(o.lang as Lang).t;
      const validFrom = rules.ruleSet.manifest.validFrom;
      if (date < validFrom) io.err(`warning: ${lt('cli:warning.dateBeforeRuleSet', { date, validFrom })}\n`);
      const res = classify(rules.ruleSet, { files: positionals, format: o.format as OutputFormat, lang: o.lang as Lang, date }, lt);
      for (const p of res.problems) io.err(`error: ${p}\n`);
      if (o.format === 'pdf') {
        try {
          await writePdfs(rules.ruleSet, res.reports, res.inputs, resolve(o.out!), lt, (w) => io.out(`${w.path}\t${w.bytes}\n`));
        } catch (e) {
          io.err(`error: ${lt('errors:pdf.failed', { reason: (e as Error).message })}\n`);
          return 1;
        }
      } else io.out(o.format === 'csv' ? toCsv(res.reports) : `${JSON.stringify(res.reports, null, 2)}\n`);
      return res.problems.length ? 1 : 0;
    }
    case 'portfolio': {
      if (!LANGS.includes(o.lang as Lang)) return usage('badLang');
      const date = o.date ?? localIsoDate();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) return usage('badDate');
      if (!positionals.length) return usage('noFiles');
      if (!o.out) return usage('portfolioNoOut');
      if (o.format !== 'json') return usage('badOption', { reason: 'portfolio always writes CSV and PDF; --format does not apply' });
      const rules = loadRulesFromDir(o.rules ? resolve(o.rules) : DEFAULT_RULES_DIR);
      if (!rules.ok) {
        for (const e of rules.errors) io.err(`error: ${e.file}: ${e.path}: ${e.message}\n`);
        return 1;
      }
      const lt = createI18n(o.lang as Lang).t;
      const started = performance.now();
      const bar = io.tty ? new SingleBar({ format: `${lt('cli:progress.pdfs')} [{bar}] {value}/{total}  {eta_formatted}`, stream: io.tty, hideCursor: true, clearOnComplete: true }, Presets.shades_classic) : undefined;
      let res;
      try {
        res = await runPortfolio(rules.ruleSet, { inputs: positionals, out: resolve(o.out), lang: o.lang as Lang, date }, lt, (done, total) => {
          if (!bar) return;
          if (done === 0) bar.start(total, 0);
          else bar.update(done);
        });
      } catch (e) {
        bar?.stop();
        io.err(`error: ${lt('errors:pdf.failed', { reason: (e as Error).message })}\n`);
        return 1;
      }
      bar?.stop();
      for (const p of res.problems) io.err(`error: ${p}\n`);
      const seconds = (performance.now() - started) / 1000;
      const mb = res.pdfs.reduce((n, p) => n + p.bytes, 0) / 1e6;
      io.out(`${lt('cli:progress.portfolioDone', { csv: res.csv, rows: res.rows.length, pdfs: res.pdfs.length, mb: mb.toFixed(1), seconds: seconds.toFixed(1), rate: (res.pdfs.length / seconds).toFixed(1), rejected: res.problems.length })}\n`);
      return res.problems.length ? 1 : 0;
    }
    case 'check': {
      const samples = o.samples ? Number(o.samples) : 100_000;
      if (!Number.isInteger(samples) || samples < 1) return usage('badOption', { reason: '--samples must be a positive whole number' });
      const res = runCheck({
        rulesDir: o.rules ? resolve(o.rules) : DEFAULT_RULES_DIR,
        seedsDir: o.seeds ? resolve(o.seeds) : resolve(DEFAULT_RULES_DIR, '../../shared/seeds'),
        samples,
        seed: 20221001,
      });
      for (const l of res.lines) (l.startsWith('error') ? io.err : io.out)(`${l}\n`);
      return res.ok ? 0 : 1;
    }
    case 'catalogue': {
      const rules = loadRulesFromDir();
      if (!rules.ok) {
        for (const e of rules.errors) io.err(`error: ${e.file}: ${e.path}: ${e.message}\n`);
        return 1;
      }
      const md = catalogueMarkdown(rules.ruleSet);
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
    default:
      return usage('unknownCommand', { command });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const io: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), ...(process.stderr.isTTY ? { tty: process.stderr } : {}) };
  void main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
