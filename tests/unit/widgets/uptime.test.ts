/**
 * Uptime model. Sources for the expected values:
 * - Periods: openjdk/jdk src/java.base/share/classes/java/time/temporal/ChronoUnit.java
 *   (YEARS = Duration.ofSeconds(31556952L), "365.2425 Days"; MONTHS = 31556952L / 12;
 *   WEEKS = 7 * 86400L; DAYS = 86400) and IsoFields.java (QUARTER_YEARS = 31556952L / 4).
 * - Budget values: (1 - a) * period computed exactly with Python's fractions.Fraction and converted
 *   with float(Fraction), which is correctly rounded (the runnable reference for "exact to the ms").
 *   99.9 % per year is the widely quoted "8h 45m 57s".
 * - Nines: -log10(1 - a) as in kafsemo.org/2016/09/05_fractional-nines.html ("0.8 | 0.69897",
 *   "0.5 | 0.30103", "0.09 | 0.04095861", "0.9 | 1") and joshdeprez.com/post/67-nines-of-availability
 *   ("0.9995 ≈ 1 - 10^-3.30103"); full-precision references from Python's
 *   decimal.Decimal(1 - a).log10() at 40 digits.
 * - Serial / parallel: jvatn.folk.ntnu.no/eLearning/TPK4140/Reliability.html ("A = ∏ A_i (series
 *   structure)", "A = 1 - ∏ (1 - A_i) (parallel structure)"); worked example from
 *   notes.gauravdalvi.com (two 99 % components: 98.01 % in sequence, 99.99 % in parallel);
 *   other values are exact Fraction products.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  MONTH_MS,
  PERIOD_MS,
  PERIOD_NAMES,
  QUARTER_MS,
  WEEK_MS,
  YEAR_MS,
  availabilityFor,
  availabilityFromNines,
  compose,
  downtimeBudget,
  downtimeFor,
  explainComposition,
  formatDuration,
  nines,
  parallel,
  serial,
  type AvailabilityTree,
} from '../../../src/widgets/uptime/model.ts';
import { toNumber, toRational } from '../../../src/widgets/uptime/exact.ts';

describe('periods (java.time ChronoUnit estimates)', () => {
  it('match ChronoUnit / IsoFields durations in milliseconds', () => {
    expect(YEAR_MS).toBe(31_556_952 * 1000); // Duration.ofSeconds(31556952L)
    expect(YEAR_MS).toBe(365.2425 * 86_400_000);
    expect(MONTH_MS).toBe((31_556_952 / 12) * 1000); // 2 629 746 s
    expect(MONTH_MS).toBe(2_629_746_000);
    expect(QUARTER_MS).toBe(7_889_238_000); // 31556952L / 4
    expect(WEEK_MS).toBe(604_800_000); // 7 * 86400L
    expect(DAY_MS).toBe(86_400_000);
    expect(PERIOD_NAMES).toEqual(['day', 'week', 'month', 'quarter', 'year']);
    expect(PERIOD_MS).toEqual({ day: DAY_MS, week: WEEK_MS, month: MONTH_MS, quarter: QUARTER_MS, year: YEAR_MS });
  });
});

describe('downtimeBudget', () => {
  // Expected values: float((1 - Fraction(a)) * period) in Python.
  const table: readonly [number, Record<string, number>][] = [
    [0.9, { day: 8_640_000, week: 60_480_000, month: 262_974_600, quarter: 788_923_800, year: 3_155_695_200 }],
    [0.99, { day: 864_000, week: 6_048_000, month: 26_297_460, quarter: 78_892_380, year: 315_569_520 }],
    [0.995, { day: 432_000, week: 3_024_000, month: 13_148_730, quarter: 39_446_190, year: 157_784_760 }],
    [0.999, { day: 86_400, week: 604_800, month: 2_629_746, quarter: 7_889_238, year: 31_556_952 }],
    [0.9995, { day: 43_200, week: 302_400, month: 1_314_873, quarter: 3_944_619, year: 15_778_476 }],
    [0.9999, { day: 8640, week: 60_480, month: 262_974.6, quarter: 788_923.8, year: 3_155_695.2 }],
    [0.99999, { day: 864, week: 6048, month: 26_297.46, quarter: 78_892.38, year: 315_569.52 }],
    [0.999999, { day: 86.4, week: 604.8, month: 2629.746, quarter: 7889.238, year: 31_556.952 }],
    [0.9999999, { day: 8.64, week: 60.48, month: 262.9746, quarter: 788.9238, year: 3155.6952 }],
    [0, { day: DAY_MS, week: WEEK_MS, month: MONTH_MS, quarter: QUARTER_MS, year: YEAR_MS }],
    [1, { day: 0, week: 0, month: 0, quarter: 0, year: 0 }],
  ];
  it.each(table)('availability %s', (availability, expected) => {
    expect(downtimeBudget(availability)).toEqual(expected);
  });

  it('is exact where naive floating point is not', () => {
    // 1 - 0.9999 is 0.00009999999999998899 in doubles: the naive day budget is 8639.999999999049 ms.
    expect((1 - 0.9999) * DAY_MS).not.toBe(8640);
    expect(downtimeBudget(0.9999).day).toBe(8640);
    expect((1 - 0.999) * YEAR_MS).not.toBe(31_556_952);
    expect(downtimeBudget(0.999).year).toBe(31_556_952);
  });

  it('downtimeFor takes any period', () => {
    expect(downtimeFor(0.999, 3_600_000)).toBe(3600); // 0.1 % of an hour = 3.6 s
    expect(downtimeFor(0.999, YEAR_MS)).toBe(31_556_952);
    expect(downtimeFor(0.95, 30 * DAY_MS)).toBe(129_600_000); // 36 h in a 30-day month
  });

  it('rejects availabilities outside [0, 1] and bad periods', () => {
    expect(() => downtimeBudget(1.0001)).toThrow(RangeError);
    expect(() => downtimeBudget(-0.1)).toThrow(RangeError);
    expect(() => downtimeBudget(Number.NaN)).toThrow(RangeError);
    expect(() => downtimeBudget(99.9)).toThrow(/0\.999 = 99\.9 %/);
    expect(() => downtimeFor(0.999, 0)).toThrow(RangeError);
    expect(() => downtimeFor(0.999, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('availabilityFor', () => {
  it('inverts the budgets exactly', () => {
    expect(availabilityFor(31_556_952, YEAR_MS)).toBe(0.999);
    expect(availabilityFor(8640, DAY_MS)).toBe(0.9999);
    expect(availabilityFor(86.4, DAY_MS)).toBe(0.999999);
    expect(availabilityFor(262_974.6, MONTH_MS)).toBe(0.9999);
    expect(availabilityFor(0, WEEK_MS)).toBe(1);
    expect(availabilityFor(WEEK_MS, WEEK_MS)).toBe(0);
  });
  it('rounds a non-decimal ratio once', () => {
    // One hour down in a year: Fraction(31556952000 - 3600000, 31556952000) = 438241/438291,
    // float() of it is 0.9998859205413755 (Python).
    expect(availabilityFor(3_600_000, YEAR_MS)).toBe(0.9998859205413755);
    // Half a day down in a week: 13/14.
    expect(availabilityFor(DAY_MS / 2, WEEK_MS)).toBe(13 / 14);
  });
  it('rejects impossible inputs', () => {
    expect(() => availabilityFor(DAY_MS + 1, DAY_MS)).toThrow(/cannot exceed/);
    expect(() => availabilityFor(-1, DAY_MS)).toThrow(RangeError);
    expect(() => availabilityFor(1, 0)).toThrow(RangeError);
    expect(() => availabilityFor(Number.NaN, DAY_MS)).toThrow(RangeError);
  });
});

describe('nines', () => {
  it('is an exact integer for every "n nines" target', () => {
    // Naive -log10(1 - 0.999) is 2.9999999999999996.
    expect(-Math.log10(1 - 0.999)).not.toBe(3);
    expect(nines(0.9)).toBe(1);
    expect(nines(0.99)).toBe(2);
    expect(nines(0.999)).toBe(3);
    expect(nines(0.9999)).toBe(4);
    expect(nines(0.99999)).toBe(5);
    expect(nines(0.999999)).toBe(6);
    expect(nines(0.9999999)).toBe(7);
    expect(nines(0.99999999)).toBe(8);
    expect(nines(0.999999999)).toBe(9);
    expect(nines(0)).toBe(0);
    expect(nines(1)).toBe(Number.POSITIVE_INFINITY);
    // More significant digits than a double holds: 1 - 5e-324 has 324 of them.
    expect(nines(5e-324)).toBe(0);
    // 1 - 0.30000000000000004 = 0.69999999999999996 (17 digits); Python Decimal: 0.15490195998574319410...
    expect(nines(0.1 + 0.2)).toBeCloseTo(0.1549019599857432, 15);
  });
  it('gives fractional nines (kafsemo.org, joshdeprez.com)', () => {
    // Published to 5 or 8 decimals; Python Decimal references to 40 digits in comments.
    expect(nines(0.9995)).toBeCloseTo(3.30103, 5); // 3.301029995663981195...
    expect(nines(0.8)).toBeCloseTo(0.69897, 5); // 0.698970004336018804...
    expect(nines(0.5)).toBeCloseTo(0.30103, 5); // 0.301029995663981195...
    expect(nines(0.09)).toBeCloseTo(0.04095861, 8); // 0.040958607678906400...
    expect(Math.abs(nines(0.9995) - 3.301029995663981195)).toBeLessThanOrEqual(4.5e-16);
    expect(Math.abs(nines(0.8) - 0.6989700043360188048)).toBeLessThanOrEqual(1.2e-16);
  });
  it('availabilityFromNines is its inverse for whole nines', () => {
    expect(availabilityFromNines(3)).toBe(0.999);
    expect(availabilityFromNines(5)).toBe(0.99999);
    expect(availabilityFromNines(0)).toBe(0);
    expect(availabilityFromNines(3.5)).toBeCloseTo(0.9996838, 7); // kafsemo.org: "3.5 | 0.9996838"
    for (let n = 0; n <= 15; n++) expect(nines(availabilityFromNines(n))).toBe(n);
  });
  it('rejects out-of-range input', () => {
    expect(() => nines(1.5)).toThrow(RangeError);
    expect(() => availabilityFromNines(-1)).toThrow(RangeError);
  });
});

describe('serial and parallel', () => {
  it('gives the worked example: two 99 % components', () => {
    expect(serial(0.99, 0.99)).toBe(0.9801);
    expect(parallel(0.99, 0.99)).toBe(0.9999);
  });
  it('are exact where naive products are not (Fraction references)', () => {
    expect(0.9995 * 0.9995).toBe(0.9990002500000001);
    expect(serial(0.9995, 0.9995)).toBe(0.99900025);
    expect(serial(0.9, 0.9, 0.9)).toBe(0.729);
    expect(serial(0.9999, 0.999, 0.99)).toBe(0.988911099);
    expect(serial(0.7, 0.7)).toBe(0.49);
    expect(1 - (1 - 0.95) * (1 - 0.95)).toBe(0.9974999999999999);
    expect(parallel(0.95, 0.95)).toBe(0.9975);
    expect(parallel(0.9, 0.95)).toBe(0.995);
    expect(parallel(0.99, 0.99, 0.99)).toBe(0.999999);
    expect(parallel(0.7, 0.7)).toBe(0.91);
  });
  it('use the empty-product convention and identities', () => {
    expect(serial()).toBe(1);
    expect(parallel()).toBe(0);
    expect(serial(0.999)).toBe(0.999);
    expect(parallel(0.999)).toBe(0.999);
    expect(serial(0.999, 0)).toBe(0);
    expect(parallel(0.5, 1)).toBe(1);
  });
  it('reject out-of-range components', () => {
    expect(() => serial(0.9, 1.1)).toThrow(RangeError);
    expect(() => parallel(-0.5)).toThrow(RangeError);
  });
});

describe('compose', () => {
  it('evaluates the worked example exactly', () => {
    // 0.999 * (1 - 0.01 * 0.01) = Fraction 9989001/10000000.
    expect(compose({ serial: [0.999, { parallel: [0.99, 0.99] }] })).toBe(0.9989001);
  });
  it('rounds once for deep trees', () => {
    // Two regions in parallel, each a serial chain of LB, (two app servers in parallel), DB.
    // Python: region = Fraction('0.9999') * (1 - Fraction('0.01')**2) * Fraction('0.999')
    //   = 99880020999/10^11 = 0.99880020999;
    // system = 1 - (1 - region)**2 = 9999985605039319041999/10^22 -> float 0.9999985605039319.
    const region: AvailabilityTree = { serial: [0.9999, { parallel: [0.99, 0.99] }, 0.999] };
    expect(compose(region)).toBe(0.99880020999);
    expect(compose({ parallel: [region, region] })).toBe(0.9999985605039319);
  });
  it('matches serial and parallel for flat trees and accepts labelled leaves', () => {
    expect(compose({ serial: [0.9995, 0.9995] })).toBe(serial(0.9995, 0.9995));
    expect(compose({ parallel: [0.95, { availability: 0.95, label: 'replica' }] })).toBe(0.9975);
    expect(compose(0.999)).toBe(0.999);
    expect(compose({ serial: [] })).toBe(1);
  });
  it('explains every node', () => {
    const explained = explainComposition({
      label: 'checkout',
      serial: [{ availability: 0.999, label: 'api' }, { label: 'db pair', parallel: [0.99, 0.99] }],
    });
    expect(explained).toEqual({
      kind: 'serial',
      label: 'checkout',
      availability: 0.9989001,
      children: [
        { kind: 'component', label: 'api', availability: 0.999, children: [] },
        {
          kind: 'parallel',
          label: 'db pair',
          availability: 0.9999,
          children: [
            { kind: 'component', availability: 0.99, children: [] },
            { kind: 'component', availability: 0.99, children: [] },
          ],
        },
      ],
    });
  });
  it('rejects malformed trees', () => {
    expect(() => compose({ serial: [0.9], parallel: [0.9] } as unknown as AvailabilityTree)).toThrow(TypeError);
    expect(() => compose({} as unknown as AvailabilityTree)).toThrow(/exactly one/);
    expect(() => compose({ serial: 0.9 } as unknown as AvailabilityTree)).toThrow(/must be an array/);
    expect(() => compose('0.9' as unknown as AvailabilityTree)).toThrow(TypeError);
    expect(() => compose({ serial: [0.9, 2] })).toThrow(RangeError);
  });
});

describe('formatDuration', () => {
  it('gives the well-known figure: 99.9 % of a year is "8h 45m 57s"', () => {
    expect(formatDuration(downtimeBudget(0.999).year)).toBe('8h 45m 57s'); // 8h 45m 56.952s rounded
  });
  it('formats every budget of common targets', () => {
    const f = (a: number): string[] => PERIOD_NAMES.map((p) => formatDuration(downtimeBudget(a)[p]));
    // day, week, month, quarter, year
    expect(f(0.99)).toEqual(['14m 24s', '1h 40m 48s', '7h 18m 17s', '21h 54m 52s', '3d 15h 39m 30s']);
    expect(f(0.999)).toEqual(['1m 26s', '10m 5s', '43m 50s', '2h 11m 29s', '8h 45m 57s']);
    expect(f(0.9999)).toEqual(['8.64s', '1m', '4m 23s', '13m 9s', '52m 36s']);
    expect(f(0.99999)).toEqual(['864ms', '6.048s', '26.297s', '1m 19s', '5m 16s']);
    expect(f(0.999999)).toEqual(['86.4ms', '604.8ms', '2.63s', '7.889s', '31.557s']);
    expect(f(0)).toEqual(['1d', '7d', '30d 10h 29m 6s', '91d 7h 27m 18s', '365d 5h 49m 12s']);
  });
  it('rounds halves up and documents each range', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(0.0004)).toBe('<0.001ms');
    expect(formatDuration(0.0005)).toBe('0.001ms');
    expect(formatDuration(999.9994)).toBe('999.999ms');
    expect(formatDuration(999.9995)).toBe('1s');
    expect(formatDuration(59_999.4)).toBe('59.999s');
    expect(formatDuration(59_999.5)).toBe('1m');
    expect(formatDuration(60_499)).toBe('1m');
    expect(formatDuration(60_500)).toBe('1m 1s');
    expect(formatDuration(3_600_000)).toBe('1h');
    expect(formatDuration(3_605_000)).toBe('1h 5s');
    expect(formatDuration(86_399_500)).toBe('1d');
  });
  it('rejects negative and non-finite input', () => {
    expect(() => formatDuration(-1)).toThrow(RangeError);
    expect(() => formatDuration(Number.NaN)).toThrow(RangeError);
    expect(() => formatDuration(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('exact arithmetic helpers', () => {
  it('reads numbers as the decimals they print as', () => {
    expect(toRational(0.999)).toEqual({ num: 999n, den: 1000n });
    expect(toRational(1e-7)).toEqual({ num: 1n, den: 10_000_000n });
    expect(toRational(1.5e-10)).toEqual({ num: 15n, den: 100_000_000_000n });
    expect(toRational(1e21)).toEqual({ num: 10n ** 21n, den: 1n });
    expect(toRational(-2.5)).toEqual({ num: -25n, den: 10n });
  });
  it('rounds ties to even', () => {
    // 2^53 + 1 lies halfway between 2^53 and 2^53 + 2: ties to the even significand, 2^53.
    expect(toNumber({ num: 2n ** 53n + 1n, den: 1n })).toBe(2 ** 53);
    expect(toNumber({ num: 2n ** 53n + 3n, den: 1n })).toBe(2 ** 53 + 4);
    // Just above the halfway point rounds up.
    expect(toNumber({ num: 2n ** 54n + 3n, den: 2n })).toBe(2 ** 53 + 2);
    expect(toNumber({ num: 1n, den: 3n })).toBe(1 / 3);
    expect(toNumber({ num: -1n, den: 10n })).toBe(-0.1);
  });
});

describe('properties', () => {
  const availability = fc.double({ min: 0, max: 1, noNaN: true });
  /** Availabilities with up to 6 decimals (99.9999 %), as people type them. */
  const decimalAvailability = fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 1_000_000);

  it('toNumber agrees with IEEE division for integer fractions (correct rounding)', () => {
    const int = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER });
    fc.assert(
      fc.property(int, int, (a, b) => toNumber({ num: BigInt(a), den: BigInt(b) }) === a / b),
      { numRuns: 2000 },
    );
  });

  it('toRational then toNumber returns every finite double unchanged', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => Object.is(toNumber(toRational(x)), x === 0 ? 0 : x)));
  });

  it('budget is monotonic: more availability never allows more downtime', () => {
    fc.assert(
      fc.property(availability, availability, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const low = downtimeBudget(lo);
        const high = downtimeBudget(hi);
        return PERIOD_NAMES.every((p) => high[p] <= low[p]);
      }),
    );
  });

  it('budget periods keep their ratios: year = 12 months = 4 quarters, week = 7 days (typed decimals)', () => {
    fc.assert(
      fc.property(decimalAvailability, (a) => {
        const b = downtimeBudget(a);
        const e = (x: number): bigint => {
          const r = toRational(x);
          return (r.num * 10n ** 12n) / r.den; // exact for values with <= 12 decimals
        };
        return e(b.year) === 12n * e(b.month) && e(b.year) === 4n * e(b.quarter) && e(b.week) === 7n * e(b.day);
      }),
    );
  });

  it('availabilityFor inverts downtimeBudget exactly for typed decimals', () => {
    fc.assert(
      fc.property(decimalAvailability, (a) => {
        const budget = downtimeBudget(a);
        return PERIOD_NAMES.every((p) => availabilityFor(budget[p], PERIOD_MS[p]) === a);
      }),
    );
  });

  it('availabilityFor inverts downtimeBudget to within 2^-52 for any double', () => {
    fc.assert(
      fc.property(availability, (a) => {
        const budget = downtimeBudget(a);
        return PERIOD_NAMES.every((p) => Math.abs(availabilityFor(budget[p], PERIOD_MS[p]) - a) <= 2 ** -52);
      }),
    );
  });

  it('serial <= min and parallel >= max, both within [0, 1]', () => {
    fc.assert(
      fc.property(fc.array(availability, { minLength: 1, maxLength: 6 }), (xs) => {
        const s = serial(...xs);
        const p = parallel(...xs);
        return s <= Math.min(...xs) && p >= Math.max(...xs) && s >= 0 && p <= 1;
      }),
    );
  });

  it('compose of a flat group equals serial / parallel; nesting one child is the identity', () => {
    fc.assert(
      fc.property(fc.array(availability, { minLength: 0, maxLength: 5 }), (xs) =>
        compose({ serial: xs }) === serial(...xs) &&
        compose({ parallel: xs }) === parallel(...xs) &&
        xs.every((x) => compose({ serial: [{ parallel: [x] }] }) === x),
      ),
    );
  });

  it('nines is monotonic and integral exactly at 1 - 10^-n', () => {
    fc.assert(
      fc.property(availability, availability, (a, b) => (a <= b ? nines(a) <= nines(b) : nines(a) >= nines(b))),
    );
    // Neighbouring doubles (where a short and a 17-digit decimal meet) must not step backwards.
    fc.assert(
      fc.property(availability, (a) => {
        const next = a + Number.EPSILON * a;
        return next > 1 || nines(a) <= nines(next);
      }),
    );
    fc.assert(fc.property(fc.integer({ min: 0, max: 15 }), (n) => nines(availabilityFromNines(n)) === n));
  });

  it('formatDuration: long durations read back as the nearest whole second', () => {
    const unit: Record<string, number> = { d: 86_400, h: 3600, m: 60, s: 1 };
    fc.assert(
      fc.property(fc.integer({ min: 60_000, max: 10 ** 13 }), (ms) => {
        const text = formatDuration(ms);
        const seconds = text
          .split(' ')
          .map((part) => Number(part.slice(0, -1)) * (unit[part.slice(-1)] ?? Number.NaN))
          .reduce((x, y) => x + y, 0);
        return /^(\d+d)?( ?\d+h)?( ?\d+m)?( ?\d+s)?$/.test(text) && seconds === Math.round(ms / 1000);
      }),
    );
  });
});
