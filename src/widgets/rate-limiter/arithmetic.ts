/**
 * Small numeric helpers. The limiters keep their state in scaled units (milli-tokens, tat × limit,
 * count × windowMs) so that integer inputs give integer intermediates and every comparison is exact,
 * instead of comparing rounded fractions such as 1000 / 3.
 */

/** floor(a / b) for b > 0, corrected for the rare case where the rounded quotient lands on the wrong side of an integer. */
export function floorDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  if (q * b > a) q -= 1;
  else if ((q + 1) * b <= a) q += 1;
  return q;
}

/** Non-negative integer count of whole requests that fit in `left` units of size `unit` (never below 0). */
export function wholeRequests(left: number, unit: number): number {
  return Math.max(0, floorDiv(left, unit));
}
