import { describe, expect, it } from 'vitest';
import { compactSvg, roundToken } from '../../src/lib/mermaid/compact.ts';

describe('compactSvg', () => {
  it('rounds path data, point lists and transforms to two decimals', () => {
    const svg =
      '<svg viewBox="0 0 1105.1212158203125 226.75"><path d="M-63.875 -21.5 C-14.362109683941362 -21.5, 35.150780632117275 -21.5, 63.875 -21.5"/>' +
      '<polygon points="0,0 10.123456,5.5"/><g transform="translate(12.3456789, -0.0001)"><text x="1.23456">v1.2.345</text></g></svg>';
    expect(compactSvg(svg)).toBe(
      '<svg viewBox="0 0 1105.1212158203125 226.75"><path d="M-63.88 -21.5 C-14.36 -21.5, 35.15 -21.5, 63.88 -21.5"/>' +
        '<polygon points="0,0 10.12,5.5"/><g transform="translate(12.35, 0)"><text x="1.23456">v1.2.345</text></g></svg>',
    );
  });
  it('leaves text, ids and other attributes alone', () => {
    const svg = '<svg id="diagram-1-light"><text data-x="3.14159">π is 3.14159</text></svg>';
    expect(compactSvg(svg)).toBe(svg);
  });
  it('rounds tokens without trailing zeros, exponents or negative zero', () => {
    expect(roundToken('2.500')).toBe('2.5');
    expect(roundToken('1e-15')).toBe('0');
    expect(roundToken('-0.001')).toBe('0');
    expect(roundToken('42')).toBe('42');
  });
});

describe('compactSvg on packed path data', () => {
  // Icon paths pack numbers without separators; rounding must not glue two of them into one (".18.34" is two).
  it('keeps adjacent numbers apart', () => {
    expect(compactSvg('<path d="M1.5.5l-.31-.18.34.01z"/>')).toBe('<path d="M1.5 0.5l-0.31-0.18 0.34 0.01z"/>');
  });
});
