/**
 * Downtime budgets and "nines": how much unavailability an availability target allows.
 *
 * Exactness: inputs are read as the decimals they print as (see exact.ts), so
 * downtimeBudget(0.999).year is 0.001 * 31 556 952 000 = 31 556 952 ms exactly, and nines(0.999)
 * is exactly 3. Budgets are returned as the nearest double to the exact value; for availabilities
 * with up to 6 decimals every budget is a decimal of at most 15 significant digits, so the number
 * is that decimal exactly as printed (86.4 ms, not 86.39999999999999).
 */
import { ONE, type Rational, compare, div, sub, mul, toNumber, toRational } from './exact.ts';
import { PERIOD_MS, type PeriodName } from './periods.ts';

/** An availability as a fraction of time: 0.999 means 99.9 %. */
export type Availability = number;

/** Allowed downtime per period, in milliseconds. */
export type DowntimeBudget = Readonly<Record<PeriodName, number>>;

/** Reads and checks an availability: a finite number in [0, 1]. */
export function availabilityRational(availability: Availability): Rational {
  if (!Number.isFinite(availability) || availability < 0 || availability > 1) {
    throw new RangeError(`availability must be a number from 0 to 1 (0.999 = 99.9 %), got ${availability}`);
  }
  return toRational(availability);
}

function periodRational(periodMs: number): Rational {
  if (!Number.isFinite(periodMs) || periodMs <= 0) {
    throw new RangeError(`period must be a positive number of milliseconds, got ${periodMs}`);
  }
  return toRational(periodMs);
}

/** Allowed downtime in one period: (1 - availability) * periodMs, exact then rounded once. */
export function downtimeFor(availability: Availability, periodMs: number): number {
  const unavailable = sub(ONE, availabilityRational(availability));
  return toNumber(mul(unavailable, periodRational(periodMs)));
}

/** Allowed downtime per day, week, month (year / 12), quarter (year / 4) and year (365.2425 days). */
export function downtimeBudget(availability: Availability): DowntimeBudget {
  const unavailable = sub(ONE, availabilityRational(availability));
  const budget = (periodMs: number): number => toNumber(mul(unavailable, toRational(periodMs)));
  return {
    day: budget(PERIOD_MS.day),
    week: budget(PERIOD_MS.week),
    month: budget(PERIOD_MS.month),
    quarter: budget(PERIOD_MS.quarter),
    year: budget(PERIOD_MS.year),
  };
}

/** The availability achieved with downtimeMs of downtime in periodMs: (period - downtime) / period. */
export function availabilityFor(downtimeMs: number, periodMs: number): Availability {
  const period = periodRational(periodMs);
  if (!Number.isFinite(downtimeMs) || downtimeMs < 0) {
    throw new RangeError(`downtime must be a non-negative number of milliseconds, got ${downtimeMs}`);
  }
  const downtime = toRational(downtimeMs);
  if (compare(downtime, period) > 0) {
    throw new RangeError(`downtime (${downtimeMs} ms) cannot exceed the period (${periodMs} ms)`);
  }
  return toNumber(div(sub(period, downtime), period));
}

/**
 * Number of nines: -log10(1 - availability), so 0.99 is 2, 0.999 is 3, 0.9995 is 3.30103 and
 * 0.8 is 0.69897 (fractional nines); 1 is Infinity and 0 is 0.
 * Exactness: 1 - availability is exactly d.ddd... x 10^-e (decimal digits, see exact.ts), so
 * nines = e - log10(d.ddd...). The integer e is exact, so every power of ten (each "n nines"
 * target) gives an exact integer; only log10 of the leading digits, a number in [1, 10), is
 * floating point. Normalising every input the same way keeps the result monotonic.
 */
export function nines(availability: Availability): number {
  const unavailable = sub(ONE, availabilityRational(availability));
  if (unavailable.num === 0n) return Infinity;
  // unavailable = num / 10^k (inputs are decimals, so den is a power of ten).
  const k = unavailable.den.toString().length - 1;
  const digits = unavailable.num.toString();
  const leading = Number(`${digits[0]}.${digits.slice(1, 21)}`); // in [1, 10]
  const exponent = k - (digits.length - 1);
  return leading === 1 ? exponent : exponent - Math.log10(leading);
}

/**
 * The availability with n nines, 1 - 10^-n: exact for whole n (availabilityFromNines(3) === 0.999),
 * nearest double of the floating-point power otherwise (3.5 nines = 0.99968377...).
 */
export function availabilityFromNines(n: number): Availability {
  if (!Number.isFinite(n) || n < 0) throw new RangeError(`nines must be a non-negative number, got ${n}`);
  if (Number.isInteger(n)) return toNumber({ num: 10n ** BigInt(n) - 1n, den: 10n ** BigInt(n) });
  return 1 - 10 ** -n;
}
