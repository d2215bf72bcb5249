/** Types for `linebreak` (UAX #14 line breaking; the package ships none). */
declare module 'linebreak' {
  export interface Break {
    /** Offset (UTF-16) in the string where the break may occur. */
    position: number;
    /** A mandatory break (after a newline). */
    required: boolean;
  }
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}
