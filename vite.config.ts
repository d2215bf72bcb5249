import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import license, { type Dependency } from 'rollup-plugin-license';
import { VitePWA } from 'vite-plugin-pwa';
import type { ResolvedConfig } from 'vite';
import { defineConfig, type Plugin } from 'vitest/config';
import { readRuleFiles } from './src/node/load-rules';
import { PDF_FONT_FILE } from './src/node/pdf-assets';
import { commonTextFiles, makeFontParts, type FontParts } from './src/node/pdf-font-parts';
import { loadRuleSet } from './src/engine/validate';
import { LANGS, type Lang } from './src/engine';
import { splitRules, TEXT_GROUPS, type SplitRuleSet, type TextGroup } from './src/ruledata/split';

/**
 * The rule set for the browser, read from rules/ and validated at build time (a bad rule set fails the
 * build with the same messages as rules:check), then split so the first question loads only what it
 * shows (src/ruledata/split.ts):
 * - `virtual:rules`: the structure;
 * - `virtual:rules/loaders`: loaders for the rest (tiny, so texts can be fetched before the structure is evaluated);
 * - `virtual:rules/text/<group>/<lang>`: one text table (q = questionnaire start, p = the rest of it, r = result);
 * - `virtual:rules/sources`: the articles' original text and translation.
 */
function rulesPlugin(): Plugin {
  const prefix = 'virtual:rules';
  let split: SplitRuleSet | undefined;
  let digest = '';
  const json = (v: unknown) => `export default JSON.parse(${JSON.stringify(JSON.stringify(v))});`;
  return {
    name: 'rules',
    resolveId: (source) => (source === prefix || source.startsWith(`${prefix}/`) ? `\0${source}` : undefined),
    buildStart() {
      split = undefined;
    },
    load(id) {
      if (!id.startsWith(`\0${prefix}`)) return undefined;
      if (!split) {
        const read = readRuleFiles();
        const { raw, errors } = read;
        digest = read.digest;
        const res = loadRuleSet(raw);
        const all = [...errors, ...(res.ok ? [] : res.errors)];
        if (all.length) this.error(`rule set is invalid:\n${all.map((e) => `${e.file}: ${e.path}: ${e.message}`).join('\n')}`);
        for (const f of [raw.manifest, ...raw.sources, ...raw.questions, ...raw.indicators, ...raw.tiers, ...raw.duties, ...raw.consistency, ...raw.glossary]) this.addWatchFile(f.file);
        split = splitRules(raw);
      }
      const path = id.slice(`\0${prefix}`.length);
      if (path === '') return `export const structure = JSON.parse(${JSON.stringify(JSON.stringify(split.structure))});\nexport const digest = ${JSON.stringify(digest)};`;
      if (path === '/loaders') {
        const loaders = LANGS.flatMap((l) => TEXT_GROUPS.map((g) => `  '${g}/${l}': () => import('${prefix}/text/${g}/${l}'),`));
        return [`export const textLoaders = {\n${loaders.join('\n')}\n};`, `export const loadSources = () => import('${prefix}/sources');`].join('\n');
      }
      if (path === '/sources') return json(split.sources);
      const m = /^\/text\/(q|p|r)\/(.+)$/.exec(path);
      if (m && (LANGS as readonly string[]).includes(m[2]!)) return json(split.texts[m[2] as Lang][m[1] as TextGroup]);
      this.error(`unknown rules module ${id}`);
    },
  };
}

/**
 * The PDF font's licence (SIL Open Font License 1.1, from the npm package that ships the font) goes
 * into the build next to the font files it covers (the full font and its common part, a subset):
 * dist/licenses/NotoSansSC-OFL.txt.
 */
function fontLicencePlugin(): Plugin {
  return {
    name: 'font-licence',
    apply: 'build',
    generateBundle() {
      const source = readFileSync(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/LICENSE_FONT'));
      this.emitFile({ type: 'asset', fileName: 'licenses/NotoSansSC-OFL.txt', source });
    },
  };
}

/**
 * The PDF font for the browser in two parts (src/pdf/fonts.ts, src/node/pdf-font-parts.ts): the full
 * font is the npm package's file (imported with `?url` in src/pdf/browser-assets.ts); this makes the
 * common part (about 1.3 MB, every character of the rule texts and the app's strings, the common
 * Chinese characters, Latin and punctuation) and the full font's character map:
 * - `virtual:pdf-font`: the common part's URL (a hashed asset in the build, served by the development
 *   server at COMMON_DEV_URL);
 * - `virtual:pdf-font/coverage`: the full font's character map (about 2 KB), for the PDF chunk.
 */
const COMMON_DEV_URL = '/@pdf-font/NotoSansSC-common.ttf';

function pdfFontPlugin(): Plugin {
  const prefix = 'virtual:pdf-font';
  let command: ResolvedConfig['command'] = 'build';
  let parts: Promise<FontParts> | undefined;
  const made = () => (parts ??= makeFontParts(readFileSync(createRequire(import.meta.url).resolve(PDF_FONT_FILE))));
  return {
    name: 'pdf-font',
    configResolved(c) {
      command = c.command;
    },
    buildStart() {
      parts = undefined; // the rule texts or strings may have changed since the last build
    },
    resolveId: (source) => (source === prefix || source === `${prefix}/coverage` ? `\0${source}` : undefined),
    async load(id) {
      if (id === `\0${prefix}`) {
        if (command === 'serve') return `export default ${JSON.stringify(COMMON_DEV_URL)};`;
        for (const f of commonTextFiles()) this.addWatchFile(f);
        const ref = this.emitFile({ type: 'asset', name: 'NotoSansSC-common.ttf', source: (await made()).common });
        return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
      }
      if (id === `\0${prefix}/coverage`) return `export const fullCoverage = ${JSON.stringify((await made()).fullCoverage)};`;
      return undefined;
    },
    configureServer(server) {
      server.middlewares.use(COMMON_DEV_URL, (_req, res, next) => {
        made().then(
          ({ common }) => {
            res.setHeader('Content-Type', 'font/ttf');
            res.end(common);
          },
          (e: unknown) => next(e),
        );
      });
    },
  };
}

/**
 * The Content-Security-Policy, written once in index.html's meta tag. `vite preview` (npm start, the
 * e2e tests) also sends it as a header, with what a meta tag cannot carry (frame-ancestors). The
 * development server relaxes it: React's fast refresh injects an inline script, Vite's client inserts
 * the CSS as <style> elements, talks over a WebSocket and draws its error overlay with innerHTML.
 */
const CSP = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(readFileSync(resolve(import.meta.dirname, 'index.html'), 'utf8'))?.[1];
if (!CSP) throw new Error('index.html has no Content-Security-Policy meta tag');

function devCspPlugin(): Plugin {
  const dev = CSP!
    .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
    .replace("connect-src 'self'", "connect-src 'self' ws: wss:")
    .replace(/;\s*require-trusted-types-for [^;]+/, '')
    .replace(/;\s*trusted-types [^;]+/, '');
  return {
    name: 'dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(CSP!, dev),
  };
}

/** Where the PDF font's two parts are kept once fetched (FONT_CACHE in src/pdf/browser-assets.ts too). */
const FONT_CACHE = 'pdf-font';

/**
 * Offline use (vite-plugin-pwa, Workbox): a service worker that precaches the app shell, every JS and
 * CSS chunk (the rule texts, statute texts, other language and PDF code included) and keeps the PDF
 * font's two parts (the common part, 1.3 MB, and the full font, 10.5 MB; neither precached) once they
 * have been fetched. A new version waits until the user reloads (src/app/sw-register.ts); nothing is
 * fetched from another origin.
 */
function offlinePlugin() {
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false, // registered from src/app/sw-register.ts once the app is in use (no inline script)
    manifest: {
      name: 'AI-risk self-assessment',
      short_name: 'AI-risk',
      description: 'Risk tiers, reasons and duties under the Shanghai and Shenzhen AI regulations and the EU AI Act.',
      start_url: '.',
      scope: '.',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#0b5cad',
      icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
    },
    workbox: {
      globPatterns: ['**/*.{html,js,css,svg}'],
      globIgnores: ['licenses/**', 'schema/**'],
      // The PDF chunk (PDFKit, fontkit) is the largest file precached.
      maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      // One file: a service worker that loads another with importScripts would need a Trusted Types policy.
      inlineWorkboxRuntime: true,
      clientsClaim: true,
      skipWaiting: false,
      cleanupOutdatedCaches: true,
      navigateFallback: 'index.html',
      // Only the app's own page: the licences, SHA256SUMS and schema open as themselves.
      navigateFallbackAllowlist: [/^\/(index\.html)?$/],
      runtimeCaching: [
        {
          // Not anchored at the start, so Workbox never matches another origin with it.
          urlPattern: /\/assets\/[^/]+\.ttf$/,
          handler: 'CacheFirst',
          // The common part and the full font of the version in use (an older version's go first).
          options: { cacheName: FONT_CACHE, cacheableResponse: { statuses: [200] }, expiration: { maxEntries: 2 } },
        },
      ],
    },
  });
}

/** Packages whose code another package ships inside its own files: docx's dist inlines nanoid. */
const INLINED = ['docx/node_modules/nanoid'];

/** One package's notice in THIRD-PARTY.txt. */
function notice(d: Pick<Dependency, 'name' | 'version' | 'license' | 'licenseText' | 'noticeText'>): string {
  const text = d.licenseText?.trim() || `(The package ships no licence file; its package.json declares the licence ${d.license ?? 'UNKNOWN'}.)`;
  return [`${d.name}@${d.version} — ${d.license ?? 'licence not declared in package.json; its licence file follows'}`, '', text, ...(d.noticeText ? ['', d.noticeText.trim()] : [])].join('\n');
}

/** A package read from node_modules for code that the module graph does not show (runtime helpers, the service worker's Workbox). */
function packageNotice(root: string, name: string, cutAt?: string): string {
  const dir = join(root, 'node_modules', name);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string; license?: string };
  const file = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
  let licenseText = file ? readFileSync(join(dir, file), 'utf8') : null;
  if (licenseText && cutAt && licenseText.includes(cutAt)) licenseText = licenseText.slice(0, licenseText.indexOf(cutAt));
  return notice({ name, version: pkg.version, license: pkg.license ?? null, licenseText, noticeText: null });
}

const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

/**
 * What a re-hoster needs, written after everything else (the service worker included):
 * - `licenses/THIRD-PARTY.txt`: every npm package whose code is in the build, with its licence text —
 *   the modules Rolldown bundled (rollup-plugin-license reads them from the chunks), the bundler's own
 *   runtime helpers, and the Workbox modules compiled into the service worker;
 * - `SHA256SUMS` (the `sha256sum` format, every other file in dist/), and its own SHA-256 printed as the
 *   digest of the whole build. README: "Offline, CSP and verifying a build".
 */
function publishPlugins(): Plugin[] {
  let config: ResolvedConfig;
  let bundled: Dependency[] = [];
  const helpers = new Set<string>();
  return [
    { ...(license({ thirdParty: { includePrivate: false, output: (deps) => void (bundled = deps) } }) as unknown as Plugin), apply: 'build' },
    {
      name: 'publish',
      apply: 'build',
      enforce: 'post',
      configResolved(c) {
        config = c;
      },
      renderChunk(_code, chunk) {
        for (const [id, m] of Object.entries(chunk.modules)) {
          const helper = /^\0(vite|rolldown)\//.exec(id)?.[1];
          if (helper && m.renderedLength > 0) helpers.add(helper);
        }
        return null;
      },
      closeBundle: {
        order: 'post',
        sequential: true,
        handler() {
          const out = resolve(config.root, config.build.outDir);
          // The Workbox modules in the service worker announce themselves as `workbox:<module>:<version>`.
          const sw = walk(out).filter((f) => /(^|\/)(sw|workbox-[\w-]+)\.js$/.test(relative(out, f)));
          const workbox = [...new Set(sw.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/workbox:([a-z-]+):\d/g)].map((m) => `workbox-${m[1]}`)))].sort();
          const sections = [
            'Third-party software in this build, with its licence. The PDF font\'s licence (SIL OFL 1.1) is in NotoSansSC-OFL.txt.',
            '## Bundled into the JavaScript (assets/)',
            ...[...bundled].sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '')).map(notice),
            '## Runtime helpers the bundler adds to the JavaScript',
            ...[...helpers].sort().map((n) => packageNotice(config.root, n, '# Licenses of bundled dependencies')),
            '## Compiled into the service worker (sw.js)',
            ...workbox.map((n) => packageNotice(config.root, n)),
            // Code a package carries inside its own files, which the module graph cannot show.
            '## Inlined in the code of a bundled package',
            ...INLINED.filter((n) => existsSync(join(config.root, 'node_modules', n))).map((n) => packageNotice(config.root, n)),
          ];
          writeFileSync(join(out, 'licenses/THIRD-PARTY.txt'), `${sections.join(`\n\n${'-'.repeat(72)}\n\n`)}\n`);

          const files = walk(out)
            .map((f) => relative(out, f).split('\\').join('/'))
            .filter((f) => f !== 'SHA256SUMS')
            .sort();
          const sums = files.map((f) => `${createHash('sha256').update(readFileSync(join(out, f))).digest('hex')}  ${f}\n`).join('');
          writeFileSync(join(out, 'SHA256SUMS'), sums);
          const digest = createHash('sha256').update(sums).digest('hex');
          config.logger.info(`\nSHA-256 of every published file (${relative(config.root, out)}/SHA256SUMS):\n${sums}`);
          config.logger.info(`build digest (SHA-256 of SHA256SUMS): ${digest}`);
        },
      },
    },
  ];
}

export default defineConfig({
  plugins: [react(), rulesPlugin(), pdfFontPlugin(), fontLicencePlugin(), devCspPlugin(), offlinePlugin(), ...publishPlugins()],
  build: {
    target: 'es2022',
    sourcemap: !!process.env.SOURCEMAP,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              // Small modules every page needs before the first question (the engine's answer checks, the
              // rule-set structure and texts, the record, routes, the error boundary), shared with the lazy
              // pages: one chunk instead of a dozen, none of it loaded later than it is now.
              name: 'core',
              test: /src\/(engine\/(answers|program|progress|ruleset|constants|consistency|migrate|scope)|ruledata\/(split|text-store|context)|assessment\/|lib\/(route|ErrorBoundary|bdi|instants|json-limits|text-fields|strict-json)|i18n\/(browser|namespaces|bundles))\.tsx?$/,
            },
          ],
        },
      },
    },
  },
  preview: {
    headers: {
      'Content-Security-Policy': `${CSP}; frame-ancestors 'none'`,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    // Sized for a loaded 2-core machine: the slowest ordinary tests (a PDF made, parsed and rendered
    // page by page) took up to 53 s with the load average at 13; 150 s leaves a margin of almost 3.
    // The PDF stress test sets its own (src/pdf/stress.test.ts).
    testTimeout: 150_000,
    hookTimeout: 150_000,
    pool: 'threads',
  },
});
