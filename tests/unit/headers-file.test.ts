import { describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile } from '../../scripts/headers-file.ts';

const FILE = `# comment
/*
  Content-Security-Policy: default-src 'self'
  X-Frame-Options: DENY

/_astro/*
  Cache-Control: public, max-age=31536000, immutable

/blog/:slug/
  X-Robots-Tag: noindex
  ! X-Frame-Options
`;

describe('_headers file', () => {
  const rules = parseHeadersFile(FILE);

  it('applies the catch-all rule to every path', () => {
    expect(headersFor(rules, '/')).toEqual({ 'Content-Security-Policy': "default-src 'self'", 'X-Frame-Options': 'DENY' });
  });

  it('adds the headers of every further rule whose pattern matches', () => {
    expect(headersFor(rules, '/_astro/a.js')['Cache-Control']).toBe('public, max-age=31536000, immutable');
    expect(headersFor(rules, '/about/')['Cache-Control']).toBeUndefined();
  });

  it('a placeholder matches one segment only, and "!" removes a header', () => {
    expect(headersFor(rules, '/blog/x/')).toEqual({ 'Content-Security-Policy': "default-src 'self'", 'X-Robots-Tag': 'noindex' });
    expect(headersFor(rules, '/blog/x/y/')['X-Robots-Tag']).toBeUndefined();
  });

  it('joins a header two rules set', () => {
    const r = parseHeadersFile('/*\n  Link: <a>\n/x\n  Link: <b>\n');
    expect(headersFor(r, '/x').Link).toBe('<a>, <b>');
  });

  it('rejects a header line with no pattern above it', () => {
    expect(() => parseHeadersFile('  X-A: b\n')).toThrow(/before any path pattern/);
  });
});
