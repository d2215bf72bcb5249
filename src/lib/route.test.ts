/** The route parser: every fragment, however malformed, names a page; nothing it is given throws. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogueHref, parseRoute } from './route';

describe('parseRoute', () => {
  it('takes a malformed percent-escape in an article id as it is (the catalogue says "not found"), instead of throwing', () => {
    expect(parseRoute('#/catalogue/%E0%A4%A')).toEqual({ page: 'catalogue', article: '%E0%A4%A' });
    expect(parseRoute('#/catalogue/%')).toEqual({ page: 'catalogue', article: '%' });
    expect(parseRoute('#/catalogue/%ZZ')).toEqual({ page: 'catalogue', article: '%ZZ' });
    expect(parseRoute('#/catalogue/%ED%A0%80')).toEqual({ page: 'catalogue', article: '%ED%A0%80' }); // a lone surrogate
  });

  it('decodes a well-formed article id, as catalogueHref encodes it', () => {
    expect(parseRoute(catalogueHref('EU-AIA Art. 5(1)(a) 第六十六条'))).toEqual({ page: 'catalogue', article: 'EU-AIA Art. 5(1)(a) 第六十六条' });
  });

  it('never throws, whatever the fragment (10,000 random fragments, half of them with stray % escapes)', () => {
    const escapes = fc.array(fc.oneof(fc.constantFrom('%', '%E0', '%A4%A', '%ZZ', '%ED%A0%80', '%C3', '%%', '/'), fc.string({ maxLength: 4 })), { maxLength: 12 }).map((parts) => parts.join(''));
    const prefixes = fc.constantFrom('', '#', '#/', '#/catalogue/', '#/compare/', '#/invite?', '#/share/', '#/portfolio');
    fc.assert(
      fc.property(prefixes, fc.oneof(escapes, fc.string({ unit: 'binary', maxLength: 40 })), (prefix, rest) => {
        const r = parseRoute(prefix + rest);
        expect(typeof r.page).toBe('string');
      }),
      { numRuns: 10_000 },
    );
  });
});
