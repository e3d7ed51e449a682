/**
 * GCRA checked against brandur/redis-cell:
 * - redis-cell-impl/src/lib.rs, RateLimiter::rate_limit (the algorithm) and its test `it_rate_limits`
 *   (the 15 cases below, copied with their expected remaining / reset_after / retry_after / limited);
 * - the Rate::per_* tests in the same file (emission interval);
 * - README.md's `CL.THROTTLE user123 15 30 60` example (limit 16, remaining 15, retry -1, reset 2 s).
 * redis-cell answers retry_after = -1 both for "allowed" and for "never" (increment > tolerance);
 * this model says 0 when allowed and Infinity when never.
 * A transliteration of rate_limit in integer nanoseconds (BigInt) is compared with the model on random traffic.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createLimiter,
  gcraEmissionIntervalMs,
  gcraResetAfterMs,
  type GcraSpec,
  type GcraState,
} from '../../../src/widgets/rate-limiter/model.ts';

describe('GCRA: redis-cell it_rate_limits (limit 5 = max_burst 4 + 1, Rate::per_second(1))', () => {
  // (case #, now offset ms, volume, remaining, reset_after ms, retry_after ms (-1 = none), limited)
  const cases: [number, number, number, number, number, number, boolean][] = [
    // "You can never make a request larger than the maximum."
    [0, 0, 6, 5, 0, -1, true],
    // "Rate limit normal requests appropriately."
    [1, 0, 1, 4, 1000, -1, false],
    [2, 0, 1, 3, 2000, -1, false],
    [3, 0, 1, 2, 3000, -1, false],
    [4, 0, 1, 1, 4000, -1, false],
    [5, 0, 1, 0, 5000, -1, false],
    [6, 0, 1, 0, 5000, 1000, true],
    [7, 3000, 1, 2, 3000, -1, false],
    [8, 3100, 1, 1, 3900, -1, false],
    [9, 4000, 1, 1, 4000, -1, false],
    [10, 8000, 1, 4, 1000, -1, false],
    [11, 9500, 1, 4, 1000, -1, false],
    // "Zero-volume request just peeks at the state."
    [12, 9500, 0, 4, 1000, -1, false],
    // "High-volume request uses up more of the limit."
    [13, 9500, 2, 2, 3000, -1, false],
    // "Large requests cannot exceed limits"
    [14, 9500, 5, 2, 3000, 3000, true],
  ];
  const spec: GcraSpec = { kind: 'gcra', limit: 1, periodMs: 1000, burst: 4 };

  for (const start of [0, 1_700_000_000_000]) {
    it(`matches every case (start = ${start})`, () => {
      const l = createLimiter(spec);
      expect(l.capacity).toBe(5); // RateLimitResult.limit = max_burst + 1
      for (const [num, offset, volume, remaining, resetAfter, retryAfter, limited] of cases) {
        const now = start + offset;
        const d = l.take(now, volume);
        const expectedRetry = limited ? (retryAfter === -1 ? Infinity : retryAfter) : 0;
        expect({ num, ...d }).toEqual({ num, allowed: !limited, remaining, retryAfterMs: expectedRetry });
        expect({ num, reset: gcraResetAfterMs(spec, l.state() as GcraState, now) }).toEqual({ num, reset: resetAfter });
      }
    });
  }

  it('the README example: CL.THROTTLE user123 15 30 60 -> 0, 16, 15, -1, 2', () => {
    const s: GcraSpec = { kind: 'gcra', limit: 30, periodMs: 60_000, burst: 15 };
    const l = createLimiter(s);
    expect(l.capacity).toBe(16);
    expect(l.take(42)).toEqual({ allowed: true, remaining: 15, retryAfterMs: 0 });
    expect(gcraResetAfterMs(s, l.state() as GcraState, 42)).toBe(2000); // 60 s / 30 = 2 s
  });
});

describe('GCRA emission interval T = periodMs / limit (redis-cell Rate::per_* tests)', () => {
  const T = (limit: number, periodMs: number) => gcraEmissionIntervalMs({ kind: 'gcra', limit, periodMs, burst: 0 });
  it('matches per_day(24) = 1 h, per_hour(6) = 10 min, per_minute(6) = 10 s, per_period(6, 2 min) = 20 s, per_second(5) = 200 ms', () => {
    expect(T(24, 86_400_000)).toBe(3_600_000);
    expect(T(6, 3_600_000)).toBe(600_000);
    expect(T(6, 60_000)).toBe(10_000);
    expect(T(6, 120_000)).toBe(20_000);
    expect(T(5, 1000)).toBe(200);
  });
});

describe('GCRA burst and exact fractional intervals', () => {
  it('burst b lets exactly b + 1 requests through at once', () => {
    for (const burst of [0, 1, 4, 15]) {
      const l = createLimiter({ kind: 'gcra', limit: 10, periodMs: 1000, burst });
      for (let i = 0; i <= burst; i++) expect(l.take(5000)).toEqual({ allowed: true, remaining: burst - i, retryAfterMs: 0 });
      expect(l.take(5000)).toEqual({ allowed: false, remaining: 0, retryAfterMs: 100 }); // T = 100 ms
    }
  });

  it('T = 1000/3 ms decides exactly at the theoretical time (kept as ms x limit internally)', () => {
    const l = createLimiter({ kind: 'gcra', limit: 3, periodMs: 1000, burst: 0 });
    expect(l.take(0)).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
    expect(l.take(0)).toEqual({ allowed: false, remaining: 0, retryAfterMs: 1000 / 3 });
    expect(l.take(333)).toEqual({ allowed: false, remaining: 0, retryAfterMs: 1 / 3 });
    expect(l.take(1000 / 3)).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
    expect(l.take(1000, 2)).toEqual({ allowed: false, remaining: 1, retryAfterMs: Infinity }); // 2 > burst + 1
  });

  it('a denied request leaves tat unchanged (redis-cell writes the key only when allowed)', () => {
    const l = createLimiter({ kind: 'gcra', limit: 1, periodMs: 1000, burst: 0 });
    l.take(0);
    const before = l.state();
    expect(l.take(500).allowed).toBe(false);
    expect(l.state()).toBe(before);
    expect(l.take(1000).allowed).toBe(true); // had the denial moved tat to 2000, this would fail
  });
});

/**
 * redis-cell-impl/src/lib.rs RateLimiter::rate_limit, transliterated to BigInt nanoseconds. The Redis store
 * sets the key with TTL = new_tat - now, so a key whose tat has passed no longer exists (tat_val = -1).
 */
function redisCell(maxBurst: number, count: number, periodMs: number) {
  const periodNs = BigInt(periodMs) * 1_000_000n;
  // Rate::per_period: ((ns as f64) / (n as f64)) as i64
  const emission = BigInt(Math.trunc(Number(periodNs) / count));
  const dvt = emission * BigInt(maxBurst + 1);
  let stored: bigint | null = null;
  const wholeMicros = (ns: bigint) => ns / 1000n; // BigInt division truncates toward zero, like whole_microseconds
  return (nowMs: number, quantity: number) => {
    const now = BigInt(nowMs) * 1_000_000n;
    const increment = emission * BigInt(quantity);
    const tatVal = stored !== null && stored > now ? stored : null;
    const tat = tatVal ?? now;
    const newTat = now > tat ? now + increment : tat + increment;
    const allowAt = newTat - dvt;
    const diff = now - allowAt;
    let limited: boolean;
    let ttl: bigint;
    let retryAfter = -1_000_000_000n; // Duration::seconds(-1)
    if (diff < 0n) {
      if (increment <= dvt) retryAfter = -diff;
      limited = true;
      ttl = tat - now;
    } else {
      ttl = newTat - now;
      stored = newTat;
      limited = false;
    }
    const next = dvt - ttl;
    let remaining = 0;
    if (next > -emission) remaining = Math.trunc(Number(wholeMicros(next)) / Number(wholeMicros(emission)));
    return { limited, remaining, retryAfterNs: retryAfter, resetAfterNs: ttl };
  };
}

describe('GCRA agrees with a transliteration of redis-cell rate_limit on random traffic', () => {
  // Emission intervals in whole microseconds, as redis-cell computes remaining in microseconds.
  const specArb = fc.oneof(
    fc.record({ limit: fc.integer({ min: 1, max: 12 }), m: fc.integer({ min: 1, max: 500 }) }).map(({ limit, m }) => ({
      limit,
      periodMs: limit * m,
    })),
    fc.record({
      limit: fc.constantFrom(1, 2, 4, 5, 8, 10, 20, 25, 40, 50),
      periodMs: fc.integer({ min: 1, max: 5000 }),
    }),
  );
  const trafficArb = fc.array(fc.record({ gap: fc.integer({ min: 0, max: 400 }), cost: fc.integer({ min: 0, max: 6 }) }), {
    maxLength: 60,
  });

  it('allowed, remaining, retry_after and reset_after match on every request', () => {
    fc.assert(
      fc.property(specArb, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 1e9 }), trafficArb, (p, burst, start, traffic) => {
        const spec: GcraSpec = { kind: 'gcra', limit: p.limit, periodMs: p.periodMs, burst };
        const model = createLimiter(spec);
        const ref = redisCell(burst, p.limit, p.periodMs);
        let now = start;
        for (const { gap, cost } of traffic) {
          now += gap;
          const d = model.take(now, cost);
          const r = ref(now, cost);
          expect(d.allowed).toBe(!r.limited);
          expect(d.remaining).toBe(r.remaining);
          if (d.allowed) expect(d.retryAfterMs).toBe(0);
          else if (r.retryAfterNs < 0n) expect(d.retryAfterMs).toBe(Infinity);
          // ms values like 7/5 have no exact binary form: compare to a nanosecond's billionth.
          else expect(d.retryAfterMs).toBeCloseTo(Number(r.retryAfterNs) / 1e6, 9);
          expect(gcraResetAfterMs(spec, model.state() as GcraState, now)).toBeCloseTo(Number(r.resetAfterNs) / 1e6, 9);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('GCRA at fractional times', () => {
  // Found by the retryAfterMs property: with T = 2309 / 2 = 1154.5 ms and burst 0, the second request at 0 must
  // wait exactly 1154.5 ms, and a request 1 µs after that must pass. Computing allow_at as (now + T) - T let
  // floating point put allow_at a hair after a fractional now and deny it.
  it('passes just after retryAfterMs when the emission interval is fractional', () => {
    const l = createLimiter({ kind: 'gcra', limit: 2, periodMs: 2309, burst: 0 });
    expect(l.take(0).allowed).toBe(true);
    const d = l.take(0);
    expect(d).toEqual({ allowed: false, remaining: 0, retryAfterMs: 1154.5 });
    expect(l.peek(1154.5 + 1e-3).allowed).toBe(true);
    expect(l.peek(1154.5 - 1e-3).allowed).toBe(false);
  });
});
