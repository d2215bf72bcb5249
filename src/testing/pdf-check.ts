/**
 * Checks a PDF the way a reader would meet it, for the unit and end-to-end tests:
 * - its text, page by page and item by item, extracted by pdf.js (unpdf) — an independent parser;
 * - every page rendered by poppler (`pdftoppm`, Debian poppler-utils) and kept as a PNG to look at;
 * - ink under every line of text: a line whose glyphs render blank (the failure pdf-lib's own font
 *   subsetting produces, whose text still extracts perfectly) has no dark pixels where it should;
 * - nothing drawn past the right margin.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { extractTextItems, getDocumentProxy, getMeta } from 'unpdf';

export interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

export interface PdfText {
  pages: TextItem[][];
  /** The body text of all pages (running header and footer left out), whitespace removed: search it
   *  with `squash(needle)`, so that text wrapped across lines and pages is found. */
  squashed: string;
  /** The running header and footer lines, page by page. */
  furniture: string[][];
  info: Record<string, unknown>;
  /** Bookmarks: top-level titles, each with its children's titles. */
  outline: { title: string; items: string[] }[];
}

/** Whitespace removed, so that text wrapped across lines (Chinese or English) can be searched for. */
export const squash = (s: string) => s.replace(/\s+/g, '');

export async function readPdf(bytes: Uint8Array): Promise<PdfText> {
  const { items } = await extractTextItems(new Uint8Array(bytes));
  const meta = await getMeta(new Uint8Array(bytes));
  const doc = await getDocumentProxy(new Uint8Array(bytes));
  const outline = ((await doc.getOutline()) ?? []).map((o) => ({ title: o.title, items: o.items.map((i) => i.title) }));
  const pages = items.map((page) => page.map(({ str, x, y, width, fontSize }) => ({ str, x, y, width, fontSize })));
  // The header sits in the top margin and the footer in the bottom one (render.ts: 64 pt and 58 pt).
  const isFurniture = (i: TextItem) => i.y > PAGE_HEIGHT_PT - 50 || i.y < 45;
  return {
    pages,
    squashed: squash(pages.flatMap((p) => p.filter((i) => !isFurniture(i)).map((i) => i.str)).join('')),
    furniture: pages.map((p) => p.filter(isFurniture).map((i) => i.str).filter((s) => s.trim())),
    info: meta.info as Record<string, unknown>,
    outline,
  };
}

export interface RenderedPage {
  file: string;
  width: number;
  height: number;
  /** Grey levels, 0 = black. */
  grey: Uint8Array;
}

/**
 * Renders every page with poppler to `<dir>/<name>-<n>.png` (grey, `dpi`) and returns the pixels.
 * Fails with a clear message when poppler-utils is missing (`.ci/run` installs it).
 */
export function renderPages(bytes: Uint8Array, dir: string, name: string, dpi = 72): RenderedPage[] {
  mkdirSync(dir, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'pdf-render-'));
  try {
    const pdf = join(work, 'in.pdf');
    writeFileSync(pdf, bytes);
    for (const old of readdirSync(dir).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))) rmSync(join(dir, old));
    try {
      execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', pdf, join(dir, name)], { stdio: 'pipe' });
    } catch (e) {
      const err = e as NodeJS.ErrnoException & { stderr?: Buffer };
      if (err.code === 'ENOENT') throw new Error('pdftoppm not found: install poppler-utils (apt-get install poppler-utils)', { cause: e });
      throw new Error(`pdftoppm failed: ${err.stderr?.toString() ?? err.message}`, { cause: e });
    }
    const files = readdirSync(dir)
      .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
      .sort((a, b) => Number(/-(\d+)\.png$/.exec(a)![1]) - Number(/-(\d+)\.png$/.exec(b)![1]));
    return files.map((f) => {
      const png = PNG.sync.read(readFileSync(join(dir, f)));
      const grey = new Uint8Array(png.width * png.height);
      for (let i = 0; i < grey.length; i++) grey[i] = png.data[i * 4]!;
      return { file: join(dir, f), width: png.width, height: png.height, grey };
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Dark pixels (grey < 160) in a box given in PDF points (origin bottom-left) on a rendered page. */
function inkIn(page: RenderedPage, pageHeightPt: number, x0: number, x1: number, yLow: number, yHigh: number): number {
  const s = page.width / PAGE_WIDTH_PT;
  const left = Math.max(0, Math.floor(x0 * s));
  const right = Math.min(page.width, Math.ceil(x1 * s));
  const top = Math.max(0, Math.floor((pageHeightPt - yHigh) * s));
  const bottom = Math.min(page.height, Math.ceil((pageHeightPt - yLow) * s));
  let n = 0;
  for (let y = top; y < bottom; y++) for (let x = left; x < right; x++) if (page.grey[y * page.width + x]! < 160) n++;
  return n;
}

const PAGE_WIDTH_PT = 595.28;
const PAGE_HEIGHT_PT = 841.89;

/**
 * Lines of text that render without ink: for each text item with visible characters, the dark pixels
 * in its box must reach `perChar` per character (at 72 dpi a glyph of body text has 10–40).
 */
export function blankText(text: PdfText, rendered: RenderedPage[], perChar = 3): string[] {
  const problems: string[] = [];
  if (rendered.length !== text.pages.length) problems.push(`${text.pages.length} pages of text but ${rendered.length} rendered`);
  text.pages.forEach((items, p) => {
    const page = rendered[p];
    if (!page) return;
    for (const it of items) {
      const visible = [...it.str.replace(/\s+/g, '')].length;
      if (!visible) continue;
      const ink = inkIn(page, PAGE_HEIGHT_PT, it.x, it.x + it.width, it.y - it.fontSize * 0.3, it.y + it.fontSize * 0.95);
      if (ink < visible * perChar) problems.push(`page ${p + 1}: "${it.str.slice(0, 40)}" has ${ink} dark pixels for ${visible} characters`);
    }
  });
  return problems;
}

/** Text items that end past the right margin (or start left of the left one). */
export function overflowingText(text: PdfText, margin = 56): string[] {
  const problems: string[] = [];
  text.pages.forEach((items, p) => {
    for (const it of items) {
      if (!it.str.trim()) continue;
      if (it.x + it.width > PAGE_WIDTH_PT - margin + 1 || it.x < margin - 1) {
        problems.push(`page ${p + 1}: "${it.str.slice(0, 40)}" spans ${it.x.toFixed(1)}–${(it.x + it.width).toFixed(1)} pt`);
      }
    }
  });
  return problems;
}

/** The fonts poppler finds, one line each ("name type encoding emb sub uni ..."). */
export function pdfFonts(bytes: Uint8Array): string[] {
  const work = mkdtempSync(join(tmpdir(), 'pdf-fonts-'));
  try {
    const pdf = join(work, 'in.pdf');
    writeFileSync(pdf, bytes);
    return execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** What poppler's pdfinfo says of a file: its fields, the XMP metadata, the structure tree (`-struct`) and what it warned of reading that tree. */
export function pdfInfo(bytes: Uint8Array): { fields: Record<string, string>; meta: string; struct: string; structWarnings: string[] } {
  const work = mkdtempSync(join(tmpdir(), 'pdf-info-'));
  try {
    const pdf = join(work, 'in.pdf');
    writeFileSync(pdf, bytes);
    const fields = Object.fromEntries(
      execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })
        .split('\n')
        .map((l) => /^([^:]+):\s*(.*)$/.exec(l))
        .filter((m): m is RegExpExecArray => !!m)
        .map((m) => [m[1]!, m[2]!]),
    );
    const struct = spawnSync('pdfinfo', ['-struct', pdf], { encoding: 'utf8', maxBuffer: 64 << 20 });
    if (struct.status !== 0) throw new Error(`pdfinfo -struct failed: ${struct.stderr}`);
    const structWarnings = [...new Set(struct.stderr.split('\n').filter((l) => l.trim()))];
    return { fields, meta: execFileSync('pdfinfo', ['-meta', pdf], { encoding: 'utf8' }), struct: struct.stdout, structWarnings };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
