/**
 * fast-check properties of the rate limiters: a limiter never allows more than its definition permits
 * over any window. Each bound below follows from the definition of the kind:
 * - token bucket: allowed cost in any interval of length d <= capacity + d * refillPerSec / 1000
 * - leaky bucket (meter): the same with leakPerSec (the level starts >= 0, ends <= capacity, drains d * rate)
 * - fixed window: allowed cost per window [k*W, (k+1)*W) <= limit
 * - sliding log: allowed cost with timestamps in any (t - W, t] <= limit
 * - sliding counter: per fixed window <= limit, and the unrounded weighted estimate, recomputed from the
 *   allowed requests alone, never passes the limit
 * - GCRA: allowed cost in any interval of length d <= burst + 1 + d / T (tat rises by cost * T per allowed
 *   request and stays within (burst + 1) * T of now)
 * Plus: denials change no state, retryAfterMs is the earliest time the same request passes, remaining is the
 * number of cost-1 requests that would pass at the same instant, and everything is deterministic.
 * All inputs are integers, so the bounds are checked in scaled integer arithmetic (no tolerance).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createLimiter,
  decide,
  simulateTraffic,
  type LimiterSpec,
  type LimiterState,
} from '../../../src/widgets/rate-limiter/model.ts';

const RUNS = 300;
const DIVISORS_OF_1000 = [1, 2, 4, 5, 8, 10, 20, 25, 40, 50, 100, 125, 200, 250, 500, 1000];

const rateArb = fc.oneof(fc.constantFrom(...DIVISORS_OF_1000), fc.integer({ min: 0, max: 30 }));
const windowArb = fc.integer({ min: 1, max: 2000 });
const limitArb = fc.integer({ min: 1, max: 8 });

const specArb: fc.Arbitrary<LimiterSpec> = fc.oneof(
  fc.record({ capacity: limitArb, refillPerSec: rateArb }).map((p): LimiterSpec => ({ kind: 'token-bucket', ...p })),
  fc.record({ capacity: limitArb, leakPerSec: rateArb }).map((p): LimiterSpec => ({ kind: 'leaky-bucket', ...p })),
  fc.record({ limit: limitArb, windowMs: windowArb }).map((p): LimiterSpec => ({ kind: 'fixed-window', ...p })),
  fc.record({ limit: limitArb, windowMs: windowArb }).map((p): LimiterSpec => ({ kind: 'sliding-log', ...p })),
  fc.record({ limit: limitArb, windowMs: windowArb }).map((p): LimiterSpec => ({ kind: 'sliding-counter', ...p })),
  fc
    .record({ limit: fc.integer({ min: 1, max: 10 }), periodMs: fc.integer({ min: 1, max: 3000 }), burst: fc.integer({ min: 0, max: 6 }) })
    .map((p): LimiterSpec => ({ kind: 'gcra', ...p })),
);

interface Request {
  readonly atMs: number;
  readonly cost: number;
}

/** Non-decreasing arrival times (bursts at one instant included) with mostly cost 1. */
const trafficArb: fc.Arbitrary<Request[]> = fc
  .tuple(
    fc.integer({ min: -5000, max: 1_000_000 }),
    fc.array(
      fc.record({
        gap: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 3000 })),
        cost: fc.oneof(fc.constant(1), fc.constant(1), fc.integer({ min: 0, max: 5 })),
      }),
      { maxLength: 80 },
    ),
  )
  .map(([start, steps]) => {
    let t = start;
    return steps.map(({ gap, cost }) => ({ atMs: (t += gap), cost }));
  });

function allowedRequests(spec: LimiterSpec, traffic: readonly Request[]): Request[] {
  const l = createLimiter(spec);
  return traffic.filter((r) => l.take(r.atMs, r.cost).allowed);
}

/** Max over closed intervals [a_i, a_j] of (allowed cost inside) * scale - d * rate, via all pairs of allowed times. */
function everyInterval(allowed: readonly Request[], check: (sum: number, d: number) => void): void {
  for (let i = 0; i < allowed.length; i++) {
    let sum = 0;
    // Requests at the same instant as allowed[i] but earlier in the list belong to the interval too.
    let first = i;
    while (first > 0 && allowed[first - 1]!.atMs === allowed[i]!.atMs) first--;
    if (first !== i) continue;
    for (let j = i; j < allowed.length; j++) {
      sum += allowed[j]!.cost;
      check(sum, allowed[j]!.atMs - allowed[i]!.atMs);
    }
  }
}

describe('limiters never allow more than their definition permits', () => {
  it('token bucket: any interval of length d holds <= capacity + d * refillPerSec / 1000', () => {
    fc.assert(
      fc.property(fc.record({ capacity: limitArb, refillPerSec: rateArb }), trafficArb, (p, traffic) => {
        const allowed = allowedRequests({ kind: 'token-bucket', ...p }, traffic);
        everyInterval(allowed, (sum, d) => expect(sum * 1000).toBeLessThanOrEqual(p.capacity * 1000 + d * p.refillPerSec));
      }),
      { numRuns: RUNS },
    );
  });

  it('leaky bucket: any interval of length d holds <= capacity + d * leakPerSec / 1000', () => {
    fc.assert(
      fc.property(fc.record({ capacity: limitArb, leakPerSec: rateArb }), trafficArb, (p, traffic) => {
        const allowed = allowedRequests({ kind: 'leaky-bucket', ...p }, traffic);
        everyInterval(allowed, (sum, d) => expect(sum * 1000).toBeLessThanOrEqual(p.capacity * 1000 + d * p.leakPerSec));
      }),
      { numRuns: RUNS },
    );
  });

  it('fixed window: each window [k*W, (k+1)*W) holds <= limit', () => {
    fc.assert(
      fc.property(limitArb, windowArb, trafficArb, (limit, windowMs, traffic) => {
        const perWindow = new Map<number, number>();
        for (const r of allowedRequests({ kind: 'fixed-window', limit, windowMs }, traffic)) {
          const k = Math.floor(r.atMs / windowMs);
          perWindow.set(k, (perWindow.get(k) ?? 0) + r.cost);
        }
        for (const sum of perWindow.values()) expect(sum).toBeLessThanOrEqual(limit);
      }),
      { numRuns: RUNS },
    );
  });

  it('sliding log: every window (t - W, t] holds <= limit', () => {
    fc.assert(
      fc.property(limitArb, windowArb, trafficArb, (limit, windowMs, traffic) => {
        const allowed = allowedRequests({ kind: 'sliding-log', limit, windowMs }, traffic);
        // The fullest window ends at an allowed request.
        for (const end of allowed) {
          const sum = allowed.filter((r) => r.atMs > end.atMs - windowMs && r.atMs <= end.atMs).reduce((s, r) => s + r.cost, 0);
          expect(sum).toBeLessThanOrEqual(limit);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('sliding counter: per fixed window <= limit, and the estimate recomputed from allowed requests stays <= limit', () => {
    fc.assert(
      fc.property(limitArb, windowArb, trafficArb, (limit, W, traffic) => {
        const allowed = allowedRequests({ kind: 'sliding-counter', limit, windowMs: W }, traffic);
        const windowSum = (k: number, before: number) =>
          allowed.slice(0, before).filter((r) => Math.floor(r.atMs / W) === k).reduce((s, r) => s + r.cost, 0);
        allowed.forEach((r, i) => {
          const k = Math.floor(r.atMs / W);
          const e = r.atMs - k * W;
          // (previous * (W - e) / W + current + cost) * W <= limit * W, all integers.
          expect(windowSum(k - 1, i) * (W - e) + (windowSum(k, i) + r.cost) * W).toBeLessThanOrEqual(limit * W);
          expect(windowSum(k, i + 1)).toBeLessThanOrEqual(limit);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('GCRA: any interval of length d holds <= burst + 1 + d / T, and burst + 1 pass at once when idle', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 0, max: 6 }),
        trafficArb,
        (limit, periodMs, burst, traffic) => {
          const allowed = allowedRequests({ kind: 'gcra', limit, periodMs, burst }, traffic);
          // sum <= (burst + 1) + d * limit / periodMs, times periodMs.
          everyInterval(allowed, (sum, d) => expect(sum * periodMs).toBeLessThanOrEqual((burst + 1) * periodMs + d * limit));
          const fresh = createLimiter({ kind: 'gcra', limit, periodMs, burst });
          const at = (traffic[0]?.atMs ?? 0) + 1;
          for (let i = 0; i <= burst; i++) expect(fresh.take(at).allowed).toBe(true);
          expect(fresh.take(at).allowed).toBe(false);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('decisions', () => {
  it('a denied request changes no state: the same state object, and replaying only the allowed requests gives the same decisions', () => {
    fc.assert(
      fc.property(specArb, trafficArb, (spec, traffic) => {
        const l = createLimiter(spec);
        const kept: { r: Request; remaining: number }[] = [];
        for (const r of traffic) {
          const before = l.state();
          const d = l.take(r.atMs, r.cost);
          if (d.allowed) kept.push({ r, remaining: d.remaining });
          else expect(l.state()).toBe(before);
        }
        const replay = createLimiter(spec);
        for (const { r, remaining } of kept) {
          expect(replay.take(r.atMs, r.cost)).toEqual({ allowed: true, remaining, retryAfterMs: 0 });
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('retryAfterMs is the earliest time the same request would pass (Infinity only when it never can)', () => {
    // Exact at now + retryAfterMs wherever the wait is a whole number of ms for integer inputs; the sliding
    // counter's wait can be a fraction such as 1000/3, so it is checked a microsecond either side.
    const exact = (s: LimiterSpec): boolean =>
      s.kind === 'token-bucket'
        ? s.refillPerSec > 0 && 1000 % s.refillPerSec === 0
        : s.kind === 'leaky-bucket'
          ? s.leakPerSec > 0 && 1000 % s.leakPerSec === 0
          : s.kind === 'gcra'
            ? s.periodMs % s.limit === 0
            : s.kind !== 'sliding-counter';
    const eps = 1e-3;
    fc.assert(
      fc.property(specArb, trafficArb, (spec, traffic) => {
        const l = createLimiter(spec);
        for (const r of traffic) {
          const d = l.take(r.atMs, r.cost);
          if (d.allowed) {
            expect(d.retryAfterMs).toBe(0);
            continue;
          }
          expect(d.retryAfterMs).toBeGreaterThan(0);
          if (d.retryAfterMs === Infinity) {
            // Never: not even after a very long idle period.
            expect(l.peek(r.atMs + 1e9, r.cost).allowed).toBe(false);
            continue;
          }
          if (exact(spec)) {
            expect(Number.isInteger(d.retryAfterMs)).toBe(true);
            expect(l.peek(r.atMs + d.retryAfterMs, r.cost).allowed).toBe(true);
          } else {
            expect(l.peek(r.atMs + d.retryAfterMs + eps, r.cost).allowed).toBe(true);
          }
          if (d.retryAfterMs > eps) expect(l.peek(r.atMs + d.retryAfterMs - eps, r.cost).allowed).toBe(false);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('remaining = how many cost-1 requests would pass at the same instant after this decision', () => {
    fc.assert(
      fc.property(specArb, trafficArb, (spec, traffic) => {
        const l = createLimiter(spec);
        for (const r of traffic) {
          const d = l.take(r.atMs, r.cost);
          let state: LimiterState = l.state();
          let passed = 0;
          // Bounded: no limiter holds more than its capacity, so a runaway count fails instead of hanging.
          while (passed <= l.capacity + 1) {
            const step = decide(spec, state, r.atMs, 1);
            if (!step.decision.allowed) break;
            state = step.state;
            passed++;
          }
          expect(d.remaining).toBe(passed);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('simulateTraffic', () => {
  it('is deterministic and agrees with createLimiter().take on the same arrivals', () => {
    fc.assert(
      fc.property(specArb, trafficArb, (spec, traffic) => {
        const a = simulateTraffic(spec, traffic, { sampleEveryMs: 250, untilMs: (traffic.at(-1)?.atMs ?? 0) + 2000 });
        const b = simulateTraffic(spec, traffic, { sampleEveryMs: 250, untilMs: (traffic.at(-1)?.atMs ?? 0) + 2000 });
        expect(b).toEqual(a);
        const l = createLimiter(spec);
        expect(a.requests.map(({ allowed, remaining, retryAfterMs }) => ({ allowed, remaining, retryAfterMs }))).toEqual(
          traffic.map((r) => l.take(r.atMs, r.cost)),
        );
        expect(a.allowedCount + a.deniedCount).toBe(traffic.length);
        for (const p of a.series) {
          expect(p.available).toBeGreaterThanOrEqual(0);
          expect(p.available).toBeLessThanOrEqual(a.capacity);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('replays arrivals in time order whatever order they are given in', () => {
    fc.assert(
      fc.property(specArb, trafficArb, fc.integer(), (spec, traffic, seed) => {
        // A deterministic shuffle (Fisher-Yates driven by the seed) of arrivals with distinct times.
        const distinct = traffic.filter((r, i) => i === 0 || r.atMs !== traffic[i - 1]!.atMs);
        const shuffled = [...distinct];
        let x = seed >>> 0;
        for (let i = shuffled.length - 1; i > 0; i--) {
          x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
          const j = x % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const strip = (res: ReturnType<typeof simulateTraffic>) => res.requests.map(({ index: _index, ...rest }) => rest);
        expect(strip(simulateTraffic(spec, shuffled))).toEqual(strip(simulateTraffic(spec, distinct)));
      }),
      { numRuns: RUNS },
    );
  });
});
