/**
 * Shrinks mermaid's SVG before it is inlined: some shapes (stadiums, cylinders) are drawn as hundreds of
 * curve segments with 16-digit coordinates, about 30 KB per node. Two decimals (a hundredth of a CSS
 * pixel) look identical and cut the bytes by more than half, so the page's HTML stays within budget.
 */
const GEOMETRY_ATTR = /\s(d|points|transform)="([^"]*)"/g;
const NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi;

/** A number token rounded to two decimals, without trailing zeros or a negative zero. */
export function roundToken(token: string): string {
  const x = Number(token);
  // Halves round away from zero on both sides, so a symmetric shape stays symmetric.
  const n = (Math.sign(x) * Math.round(Math.abs(x) * 100)) / 100;
  return Object.is(n, -0) ? '0' : String(n);
}

/** The SVG with every coordinate in path data, point lists and transforms rounded to two decimals. */
export function compactSvg(svg: string): string {
  return svg.replace(GEOMETRY_ATTR, (_all, name: string, value: string) => ` ${name}="${roundNumbers(value)}"`);
}

/**
 * Path data may pack numbers with no separator (".31-.18.34" is .31, -.18, .34). Rounding ".34" to "0.34"
 * after "-0.18" would read as one number, so a space goes between a rounded number and a digit or dot before it.
 */
function roundNumbers(value: string): string {
  return value.replace(NUMBER, (token: string, offset: number) => {
    const rounded = roundToken(token);
    const before = value[offset - 1];
    return before !== undefined && /[\d.]/.test(before) && !rounded.startsWith('-') ? ` ${rounded}` : rounded;
  });
}
