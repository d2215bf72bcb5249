import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests against the built app served by `vite preview`, in Debian's Chromium
 * (browser downloads are not possible here; CI installs it with apt-get).
 */
const PORT = e2ePort();
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  throw new Error(
    `Chromium not found at ${CHROMIUM}. Install Debian's: apt-get install -y chromium fonts-noto-cjk (bash .ci/run does), or set CHROMIUM_PATH.`,
  );
}
/**
 * The port `vite preview` serves the build on: `E2E_PORT` if set, else a free one, asked of the system
 * once by the runner and passed to its workers through the environment (they load this file too). A
 * fixed port would collide with a second run or another project on a shared machine.
 */
function e2ePort(): number {
  if (!process.env.E2E_PORT) {
    const probe = "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
    process.env.E2E_PORT = execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' }).trim();
  }
  return Number(process.env.E2E_PORT);
}

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  // Sized for a loaded 2-core machine: the slowest tests (a whole questionnaire under axe, a PDF made and
  // compared page by page) took up to 54 s with a busy loop beside npm test and the load average near 12.
  timeout: 150_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      executablePath: CHROMIUM,
      args: ['--no-sandbox'],
    },
    locale: 'en-GB',
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
