/**
 * A .docx read back as a reader's tools see it, for the tests (unit and e2e): the package's parts
 * (unzipped with fflate), the body as paragraphs (style, text) and tables (rows of cell texts), the
 * headers' and footers' text. A small reader of WordprocessingML that checks as it goes that each part
 * is well-formed XML (every tag closed in order, only XML's own entities), so that a stray `<` or `&`
 * in the text would fail the test rather than be read past.
 */
import { strFromU8, unzipSync } from 'fflate';

export interface DocxParagraph {
  style?: string;
  text: string;
  /** Inside a table cell. */
  inTable: boolean;
  numbered: boolean;
  keepNext: boolean;
  pageBreakBefore: boolean;
}

export interface DocxRead {
  files: Record<string, string>;
  paragraphs: DocxParagraph[];
  tables: string[][][];
  /** The text of each header and footer part, with PAGE and NUMPAGES fields as {PAGE} and {NUMPAGES}. */
  headers: string[];
  footers: string[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    const v = ENTITIES[e];
    if (v === undefined) throw new Error(`unknown entity ${m}`);
    return v;
  });
}

interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: (XmlNode | string)[];
}

/** Parses XML (no DTD, no CDATA: what docx writes) into nodes; throws on anything not well-formed. */
export function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: '#root', attrs: {}, children: [] };
  const stack: XmlNode[] = [root];
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<\?[^>]*\?>|<!--[\s\S]*?-->/g;
  let at = 0;
  for (let m: RegExpExecArray | null; (m = tag.exec(xml)); ) {
    const text = xml.slice(at, m.index);
    if (/[<>]/.test(text)) throw new Error(`not well-formed near ${JSON.stringify(xml.slice(at, at + 80))}`);
    if (/&(?!(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);)/.test(text)) throw new Error(`a bare & near ${JSON.stringify(text.slice(0, 80))}`);
    if (text) stack[stack.length - 1]!.children.push(decodeXml(text));
    at = tag.lastIndex;
    if (!m[2]) continue; // declaration or comment
    const [, close, name, attrText, selfClose] = m as unknown as [string, string, string, string, string];
    if (close) {
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`</${name}> closes <${open?.name}>`);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrText.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]!] = decodeXml(a[2] ?? a[3] ?? '');
    const node: XmlNode = { name, attrs, children: [] };
    stack[stack.length - 1]!.children.push(node);
    if (!selfClose) stack.push(node);
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1]!.name}> is never closed`);
  if (/[<>]/.test(xml.slice(at))) throw new Error('not well-formed at the end');
  return root;
}

const elements = (n: XmlNode) => n.children.filter((c): c is XmlNode => typeof c !== 'string');
const find = (n: XmlNode, name: string) => elements(n).find((c) => c.name === name);

/** A paragraph's text: runs' text, tabs as \t, breaks as \n, PAGE/NUMPAGES fields by name. */
function paragraphText(p: XmlNode): string {
  let out = '';
  let field = false;
  const walk = (n: XmlNode) => {
    for (const c of n.children) {
      if (typeof c === 'string') continue;
      if (c.name === 'w:t' && !field) out += c.children.filter((x) => typeof x === 'string').join('');
      else if (c.name === 'w:tab' && n.name === 'w:r') out += '\t';
      else if (c.name === 'w:br' || c.name === 'w:cr') out += '\n';
      // A field's shown result (between "separate" and "end") is skipped: its instruction names it.
      else if (c.name === 'w:fldChar') field = c.attrs['w:fldCharType'] === 'separate' ? true : c.attrs['w:fldCharType'] === 'end' ? false : field;
      else if (c.name === 'w:instrText') out += `{${c.children.join('').trim().split(/\s+/)[0]}}`;
      else if (c.name === 'w:fldSimple') out += `{${(c.attrs['w:instr'] ?? '').trim().split(/\s+/)[0]}}`;
      else if (c.name !== 'w:pPr' && c.name !== 'w:rPr') walk(c);
    }
  };
  walk(p);
  return out;
}

function readBody(body: XmlNode, paragraphs: DocxParagraph[], tables: string[][][], inTable: boolean) {
  for (const c of elements(body)) {
    if (c.name === 'w:p') {
      const pPr = find(c, 'w:pPr');
      const style = pPr && find(pPr, 'w:pStyle')?.attrs['w:val'];
      paragraphs.push({
        ...(style ? { style } : {}),
        text: paragraphText(c),
        inTable,
        numbered: !!(pPr && find(pPr, 'w:numPr')),
        keepNext: !!(pPr && find(pPr, 'w:keepNext')),
        pageBreakBefore: !!(pPr && find(pPr, 'w:pageBreakBefore')),
      });
    } else if (c.name === 'w:tbl') {
      const rows: string[][] = [];
      for (const tr of elements(c).filter((x) => x.name === 'w:tr')) {
        const cells: string[] = [];
        for (const tc of elements(tr).filter((x) => x.name === 'w:tc')) {
          const inner: DocxParagraph[] = [];
          readBody(tc, inner, tables, true);
          paragraphs.push(...inner);
          cells.push(inner.map((p) => p.text).join('\n'));
        }
        rows.push(cells);
      }
      tables.push(rows);
    } else if (c.name === 'w:sdt' || c.name === 'w:sdtContent') readBody(c, paragraphs, tables, inTable);
  }
}

export function readDocx(bytes: Uint8Array): DocxRead {
  const raw = unzipSync(bytes);
  const files: Record<string, string> = {};
  for (const [name, data] of Object.entries(raw)) if (/\.(xml|rels)$/.test(name)) files[name] = strFromU8(data);
  const parsed: Record<string, XmlNode> = {};
  for (const [name, xml] of Object.entries(files)) parsed[name] = parseXml(xml); // every part well-formed
  const doc = parsed['word/document.xml'];
  if (!doc) throw new Error('no word/document.xml');
  const body = find(find(doc, 'w:document')!, 'w:body')!;
  const paragraphs: DocxParagraph[] = [];
  const tables: string[][][] = [];
  readBody(body, paragraphs, tables, false);
  const partText = (name: string, root: string) => {
    const ps: DocxParagraph[] = [];
    readBody(find(parsed[name]!, root)!, ps, [], false);
    return ps.map((p) => p.text).join('\n');
  };
  const names = Object.keys(files).sort();
  return {
    files,
    paragraphs,
    tables,
    headers: names.filter((n) => /^word\/header\d*\.xml$/.test(n)).map((n) => partText(n, 'w:hdr')),
    footers: names.filter((n) => /^word\/footer\d*\.xml$/.test(n)).map((n) => partText(n, 'w:ftr')),
  };
}
