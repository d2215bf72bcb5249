/**
 * A printed document as data: blocks of text in named styles, checklist items with their status box,
 * and the page furniture (running header, footer, metadata). `checklist.ts` builds one from an
 * assessment; src/pdf/render.ts lays it out on A4 pages, and the Word and Markdown exports write the
 * same blocks in the same order. Nothing here knows about any file format.
 */
import type { DocumentRef, DutyStatusName } from '../assessment/record';

export type StyleName = 'title' | 'subtitle' | 'h1' | 'h2' | 'h3' | 'body' | 'strong' | 'small' | 'muted' | 'original' | 'translation' | 'label';

/** Colours by meaning; the renderer maps them to ink. */
export type Tone = 'prohibited' | 'high' | 'limited' | 'minimal' | 'neutral' | 'review';

export type Block =
  | {
      type: 'text';
      text: string;
      style: StyleName;
      /** Extra left indent, in points. */
      indent?: number;
      /** Draw a bar left of the lines (quoted statute text). */
      quote?: boolean;
      /** Keep on the same page as the block after it (headings). */
      keepWithNext?: boolean;
      /** An entry in the PDF's bookmarks at this level (1 = top). */
      outline?: 1 | 2;
      /** Start on a new page. */
      pageBreakBefore?: boolean;
    }
  /** A label and a value side by side (the cover's fields). */
  | { type: 'field'; label: string; value: string }
  /** A coloured tier label. */
  | { type: 'badge'; text: string; tone: Tone; label?: string }
  /** Indented blocks with a mark left of the first line; kept on one page when they fit one. */
  | { type: 'item'; mark: Mark; blocks: Block[] }
  | { type: 'space'; size: number }
  | { type: 'rule' }
  /** A table: a header row and rows of cells (the action plan, the sign-off). */
  | { type: 'table'; head: string[]; rows: string[][]; /** Relative column widths (default equal). */ widths?: number[]; /** Leave room to write in each row (the sign-off's signatures). */ tall?: boolean }
  /** Blocks kept on one page when they fit one (the sign-off). */
  | { type: 'keep'; blocks: Block[] }
  /** Ruled lines to write on (a note under a duty), with an optional label. */
  | { type: 'lines'; count: number; label?: string };

/** A bullet, or a status box with its meaning in words (the box's alternative text for screen readers). */
export type Mark = { kind: 'bullet' } | { kind: 'box'; status: DutyStatusName; alt?: string };

export interface PrintedDocument {
  /** BCP 47 language of the document (the PDF's /Lang). */
  lang: string;
  /** Printed on the cover, the sign-off page and every page's footer: which document, made from which rules. */
  identity: DocumentIdentity;
  meta: { title: string; author?: string; subject: string; keywords: string[]; creator: string; date: string };
  /** Printed at the top of every page but the first. */
  header: string;
  /** Printed at the bottom left of every page. */
  footer: string;
  /** "Page 3 of 12". */
  pageLabel: (page: number, pages: number) => string;
  /** Said once, where a character had to be drawn with the stand-in glyph. */
  fallbackNote: string;
  blocks: Block[];
}

/** What tells one issued document from another, and which rules produced it. */
export interface DocumentIdentity {
  /** A short id derived from the document's content (the same answers, statuses and date give the same id). */
  documentId: string;
  ruleSetVersion: string;
  /** SHA-256 of the rule files (README: how to recompute it). */
  ruleSetDigest: string;
  /** When this document replaces one issued before for the same assessment. */
  replaces?: DocumentRef;
}

/** A block text's lines, broken at every line terminator (CR LF, CR, LF, and Unicode's line and paragraph separators), as the Word and Markdown writers print them. */
export const textLines = (s: string): string[] => s.split(/\r\n|\r|\n|\u2028|\u2029/);
