/** PDFKit 0.20's standard-font registration (browser build), which @types/pdfkit 0.17 does not know. */
declare module 'pdfkit/standard-fonts/Helvetica' {
  const font: { name: 'Helvetica' };
  export default font;
}
declare module 'pdfkit' {
  export function registerStdFonts(...fonts: { name: string }[]): void;
}
