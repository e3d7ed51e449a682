/**
 * Human-readable durations in the "8h 45m 57s" style used for downtime budgets.
 *
 * Rounding (applied to the exact decimal value of ms, halves rounded up):
 * - 60 s and longer: to the nearest whole second, then split into d / h / m / s, omitting zero units:
 *   31 556 952 ms (8h 45m 56.952s) -> "8h 45m 57s"; 3 600 000 -> "1h"; 3 605 000 -> "1h 5s".
 *   Days are the largest unit (a full year of downtime is "365d 5h 49m 12s").
 * - 1 s to under 60 s: seconds to the nearest millisecond, trailing zeros dropped: "8.64s", "43.2s".
 * - under 1 s: milliseconds to the nearest microsecond: "864ms", "86.4ms"; below that "<0.001ms".
 * - 0 is "0s".
 * Short budgets keep their fraction because at that scale the fraction is most of the information
 * (99.99 % of a day is 8.64 s; rounding it to "9s" would overstate it by 4 %).
 */
import { roundHalfUp, toRational } from './exact.ts';

const UNITS: readonly (readonly [suffix: string, seconds: bigint])[] = [
  ['d', 86_400n],
  ['h', 3_600n],
  ['m', 60n],
  ['s', 1n],
];

/** Integer part and up-to-3-digit fraction, trailing zeros removed: 8640 thousandths -> "8.64". */
function thousandths(value: bigint): string {
  const whole = value / 1000n;
  const fraction = (value % 1000n).toString().padStart(3, '0').replace(/0+$/, '');
  return fraction === '' ? whole.toString() : `${whole}.${fraction}`;
}

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) {
    throw new RangeError(`duration must be a non-negative number of milliseconds, got ${ms}`);
  }
  if (ms === 0) return '0s';
  const exact = toRational(ms);
  const micros = roundHalfUp({ num: exact.num * 1000n, den: exact.den });
  if (micros === 0n) return '<0.001ms';
  if (micros < 1_000_000n) return `${thousandths(micros)}ms`;
  const millis = roundHalfUp(exact);
  if (millis < 60_000n) return `${thousandths(millis)}s`;
  let seconds = roundHalfUp({ num: exact.num, den: exact.den * 1000n });
  const parts: string[] = [];
  for (const [suffix, size] of UNITS) {
    const count = seconds / size;
    seconds %= size;
    if (count > 0n) parts.push(`${count}${suffix}`);
  }
  return parts.join(' ');
}
