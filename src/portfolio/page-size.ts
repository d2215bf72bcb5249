/** Rows per page of the portfolio table: a page renders fast whatever the portfolio's size; sorting, filters and exports apply to all rows. */
export const PAGE_SIZE = 50;
