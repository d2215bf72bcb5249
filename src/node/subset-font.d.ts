/** Types for `subset-font` (harfbuzz's hb-subset as WebAssembly; the package ships none): the options used here. */
declare module 'subset-font' {
  export interface SubsetOptions {
    targetFormat?: 'truetype' | 'sfnt' | 'woff' | 'woff2';
    noHinting?: boolean;
    /** OpenType feature tags to keep (default: all). */
    keepFeatures?: string[];
  }
  /** A font holding only the glyphs of `text`'s characters (and what its layout tables reach from them). */
  export default function subsetFont(font: Buffer, text: string, options?: SubsetOptions): Promise<Buffer>;
}
