/**
 * The command line as `npm run cli` runs it, for the benchmark (cli.ts): `main` with the process's
 * stdout and stderr, then this process's CPU time and peak memory (maxRSS) written as JSON to fd 3.
 */
import { once } from 'node:events';
import { writeSync } from 'node:fs';
import { main } from '../cli/main';

const code = await main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  drain: () => once(process.stdout, 'drain').then(() => undefined),
});
const u = process.resourceUsage();
writeSync(3, JSON.stringify({ code, maxRssKb: u.maxRSS, userUs: u.userCPUTime, systemUs: u.systemCPUTime }));
process.exitCode = code;
