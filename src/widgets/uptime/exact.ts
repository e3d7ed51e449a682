/**
 * Exact arithmetic for the uptime model.
 *
 * Why: availabilities are typed as decimals (99.9 % = 0.999) but stored as binary doubles, and
 * 1 - 0.999 in doubles is 0.0010000000000000009, not 0.001. The model therefore reads every input
 * number as the decimal it prints as (its shortest round-trip string, ECMA-262 Number::toString),
 * computes with BigInt fractions, and rounds only once, at the end, to the nearest double
 * (ties to even). A result whose exact value is a short decimal (31 556 952 ms, 0.998001, 86.4 ms)
 * therefore comes out as exactly that decimal.
 */

/** A fraction num / den with den > 0 (not necessarily reduced). */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

export const ZERO: Rational = { num: 0n, den: 1n };
export const ONE: Rational = { num: 1n, den: 1n };

const NUMBER_TEXT = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/** The exact decimal a finite number prints as: toRational(0.999) is 999/1000, not the binary value. */
export function toRational(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`expected a finite number, got ${x}`);
  const match = NUMBER_TEXT.exec(String(Math.abs(x)));
  if (match === null) throw new RangeError(`cannot read ${x} as a decimal`);
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  const exponent = Number(match[3] ?? '0');
  const digits = BigInt(whole + fraction);
  const scale = fraction.length - exponent;
  const sign = x < 0 ? -1n : 1n;
  return scale <= 0
    ? { num: sign * digits * 10n ** BigInt(-scale), den: 1n }
    : { num: sign * digits, den: 10n ** BigInt(scale) };
}

export function add(a: Rational, b: Rational): Rational {
  return { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
}

export function sub(a: Rational, b: Rational): Rational {
  return { num: a.num * b.den - b.num * a.den, den: a.den * b.den };
}

export function mul(a: Rational, b: Rational): Rational {
  return { num: a.num * b.num, den: a.den * b.den };
}

export function div(a: Rational, b: Rational): Rational {
  if (b.num === 0n) throw new RangeError('division by zero');
  return b.num < 0n ? { num: -a.num * b.den, den: a.den * -b.num } : { num: a.num * b.den, den: a.den * b.num };
}

/** Sign of a - b: -1, 0 or 1. */
export function compare(a: Rational, b: Rational): number {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

function bitLength(n: bigint): number {
  return n.toString(2).length;
}

/** Round a non-negative fraction to the nearest integer, halves away from zero (up). */
export function roundHalfUp(r: Rational): bigint {
  if (r.num < 0n) throw new RangeError('roundHalfUp expects a non-negative value');
  return (2n * r.num + r.den) / (2n * r.den);
}

/**
 * The double nearest to num / den (IEEE 754 round-to-nearest, ties to even), computed with
 * integers so there is exactly one rounding. Results stay in the normal double range here
 * (budgets up to ~3.2e10 ms, availabilities in [0, 1] built from a handful of factors).
 */
export function toNumber(r: Rational): number {
  const { num, den } = r;
  if (den <= 0n) throw new RangeError('denominator must be positive');
  if (num < 0n) return -toNumber({ num: -num, den });
  if (num === 0n) return 0;
  // Scale so the integer quotient has 55 or 56 bits: 53 kept, the rest decide the rounding.
  const shift = 55 - (bitLength(num) - bitLength(den));
  const scaledNum = shift >= 0 ? num << BigInt(shift) : num;
  const scaledDen = shift >= 0 ? den : den << BigInt(-shift);
  const quotient = scaledNum / scaledDen;
  const sticky = scaledNum % scaledDen !== 0n;
  const extra = bitLength(quotient) - 53;
  let mantissa = quotient >> BigInt(extra);
  const dropped = quotient & ((1n << BigInt(extra)) - 1n);
  const half = 1n << BigInt(extra - 1);
  if (dropped > half || (dropped === half && (sticky || (mantissa & 1n) === 1n))) mantissa += 1n;
  // mantissa <= 2^53 converts exactly; multiplying by a power of two is exact in the normal range.
  const exponent = extra - shift;
  const halfExp = Math.trunc(exponent / 2);
  return Number(mantissa) * 2 ** halfExp * 2 ** (exponent - halfExp);
}
