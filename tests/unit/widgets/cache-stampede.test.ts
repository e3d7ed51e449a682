import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  STAMPEDE_STRATEGIES,
  burstArrivals,
  compareStampede,
  nearestRank,
  originConcurrency,
  readerArrivals,
  simulateStampede,
  xfetchEarlyProbability,
  type Arrival,
  type StampedeStrategy,
} from '../../../src/widgets/cache/model.ts';
import { mulberry32 } from '../../../src/widgets/shared/random.ts';

const at = (...times: number[]): Arrival[] => times.map((atMs, reader) => ({ atMs, reader }));

/**
 * Hand-worked scenario: value written at t=0, ttl 1000 ms (expires at 1000), origin takes 200 ms,
 * a cache read takes 1 ms; six readers arrive at 1000, 1050, ..., 1250.
 */
const HERD = at(1000, 1050, 1100, 1150, 1200, 1250);
const BASE = { arrivals: HERD, ttlMs: 1000, recomputeMs: 200, hitLatencyMs: 1, staleWhileRevalidateMs: 500 };

describe('stampede: hand-worked herd at expiry', () => {
  it("'none': every reader that finds the key expired calls the origin", () => {
    const r = simulateStampede({ ...BASE, strategy: 'none' });
    // 1000..1150 all miss (RFC 9111 4.2: fresh iff freshness_lifetime > current_age, so age 1000 is stale);
    // the first call lands at 1200, which the 1200 request sees (completion visible at its own instant).
    expect(r.log.map((x) => x.outcome)).toEqual(['miss', 'miss', 'miss', 'miss', 'hit', 'hit']);
    expect(r.originCalls).toBe(4);
    expect(r.maxConcurrentOrigin).toBe(4);
    expect(r.log.map((x) => x.latencyMs)).toEqual([200, 200, 200, 200, 1, 1]);
    expect(r.latency.mean).toBe(802 / 6);
    expect(r.finalExpiryMs).toBe(1350 + 1000); // the last of the overlapping writes wins
  });

  it("'lock': one origin call, later readers wait for it", () => {
    const r = simulateStampede({ ...BASE, strategy: 'lock' });
    expect(r.log.map((x) => x.outcome)).toEqual(['miss', 'coalesced', 'coalesced', 'coalesced', 'hit', 'hit']);
    expect(r.log.map((x) => x.latencyMs)).toEqual([200, 150, 100, 50, 1, 1]);
    expect(r.log.map((x) => x.call)).toEqual([0, 0, 0, 0, null, null]);
    expect(r.originCalls).toBe(1);
    expect(r.maxConcurrentOrigin).toBe(1);
    expect(r.finalExpiryMs).toBe(2200);
  });

  it("'stale-while-revalidate': stale served without blocking, one background revalidation (RFC 5861 section 3)", () => {
    const r = simulateStampede({ ...BASE, strategy: 'stale-while-revalidate' });
    expect(r.log.map((x) => x.outcome)).toEqual(['stale', 'stale', 'stale', 'stale', 'hit', 'hit']);
    expect(r.log.every((x) => x.latencyMs === 1)).toBe(true);
    expect(r.calls).toEqual([{ startMs: 1000, endMs: 1200, kind: 'background', reader: 0 }]);
    expect(r.log.map((x) => x.call)).toEqual([0, null, null, null, null, null]);
  });

  it("'stale-while-revalidate': past the window the request blocks and is handled normally (RFC 5861 3.1)", () => {
    // "If delta-seconds passes without the cached entity being revalidated, it SHOULD NOT continue to be served stale":
    // stale for exactly 500 ms with a 500 ms window is past it.
    // 1499: stale served, background revalidation 1499..1699; 1500: truly stale, blocks on its own origin call
    // (no coalescing: that is the 'lock' strategy); 1699: the background result has landed.
    const r = simulateStampede({ ...BASE, arrivals: at(1499, 1500, 1699), strategy: 'stale-while-revalidate' });
    expect(r.log.map((x) => x.outcome)).toEqual(['stale', 'miss', 'hit']);
    expect(r.calls.map((c) => c.kind)).toEqual(['background', 'miss']);
    const late = simulateStampede({ ...BASE, arrivals: at(1500, 1600), strategy: 'stale-while-revalidate' });
    expect(late.log.map((x) => [x.outcome, x.latencyMs])).toEqual([['miss', 200], ['miss', 200]]);
  });

  it("'probabilistic-early' with beta = 0 never recomputes early, so it behaves like 'none'", () => {
    const x = simulateStampede({ ...BASE, strategy: 'probabilistic-early', beta: 0 });
    const n = simulateStampede({ ...BASE, strategy: 'none' });
    expect(x.calls).toEqual(n.calls);
    expect(x.log.map((r) => r.latencyMs)).toEqual(n.log.map((r) => r.latencyMs));
  });

  it('a cold cache (no value yet): no protection stampedes, a lock coalesces', () => {
    const cold = { arrivals: at(0, 0, 0), ttlMs: 1000, recomputeMs: 200, warmAtMs: null };
    expect(simulateStampede({ ...cold, strategy: 'none' }).originCalls).toBe(3);
    expect(simulateStampede({ ...cold, strategy: 'stale-while-revalidate' }).originCalls).toBe(3);
    const lock = simulateStampede({ ...cold, strategy: 'lock' });
    expect(lock.originCalls).toBe(1);
    expect(lock.log.map((x) => x.latencyMs)).toEqual([200, 200, 200]);
  });

  it('compareStampede runs the four strategies on the same arrivals', () => {
    // beta = 0 keeps XFetch's count independent of its draws (see the beta = 0 test above).
    const all = compareStampede({ ...BASE, beta: 0 });
    expect(STAMPEDE_STRATEGIES.map((s) => all[s].originCalls)).toEqual([4, 1, 4, 1]);
  });
});

describe('stampede: XFetch (Vattani, Chierichetti, Lowenstein, VLDB 2015)', () => {
  it('uses one seeded draw per read of a present value and the condition now - delta*beta*ln(rand) >= expiry', () => {
    // Condition as in the paper's pseudo-code and internetarchive/xfetch xfetch-predis.php:
    // ($now - $delta * BETA * log(rand)) >= $expiry. rand = 1 - mulberry32(seed)() lies in (0, 1].
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const u = 1 - mulberry32(seed)();
      const r = simulateStampede({ arrivals: at(900), ttlMs: 1000, recomputeMs: 100, beta: 1, seed, strategy: 'probabilistic-early' });
      const margin = -100 * 1 * Math.log(u);
      expect(r.log[0]!.earlyMarginMs).toBe(margin);
      expect(r.log[0]!.outcome).toBe(900 + margin >= 1000 ? 'early' : 'hit');
    }
  });

  it('a read gap ms before expiry recomputes with probability exp(-gap / (delta * beta))', () => {
    // -delta*beta*ln(U) is exponential with mean delta*beta, so P(early) = exp(-gap/(delta*beta)).
    const N = 20_000;
    for (const [gap, beta] of [
      [200, 1],
      [200, 2],
      [100, 1],
    ] as const) {
      let early = 0;
      for (let seed = 0; seed < N; seed++) {
        const r = simulateStampede({ arrivals: at(1000 - gap), ttlMs: 1000, recomputeMs: 200, beta, seed, strategy: 'probabilistic-early' });
        if (r.counts.early === 1) early++;
      }
      const expected = xfetchEarlyProbability(gap, 200, beta);
      expect(expected).toBeCloseTo(Math.exp(-gap / (200 * beta)), 15);
      // Standard error is below 0.0035 for N = 20000; allow about 4 of them.
      expect(Math.abs(early / N - expected)).toBeLessThan(0.014);
    }
  });

  it('once the TTL has passed the value is gone: the read misses without drawing', () => {
    const r = simulateStampede({ arrivals: at(1000), ttlMs: 1000, recomputeMs: 100, strategy: 'probabilistic-early' });
    expect(r.log[0]).toMatchObject({ outcome: 'miss', earlyMarginMs: null });
    expect(xfetchEarlyProbability(0, 100, 1)).toBe(1);
    expect(xfetchEarlyProbability(50, 100, 0)).toBe(0);
  });
});

describe('stampede: many periodic readers', () => {
  // 50 readers each reading every 20 ms for 3 s; ttl 1000 ms; origin 100 ms.
  const arrivals = readerArrivals({ readers: 50, intervalMs: 20, durationMs: 3000, seed: 7 });
  const all = compareStampede({ arrivals, ttlMs: 1000, recomputeMs: 100, staleWhileRevalidateMs: 1000, seed: 7 });

  it('has 50 * 150 reads', () => {
    expect(arrivals.length).toBe(7500);
  });

  it("'none': every read in the 100 ms after each of the two expiries calls the origin (2 * 50 * 100/20 = 500)", () => {
    expect(all.none.originCalls).toBe(500);
    expect(all.none.maxConcurrentOrigin).toBe(250);
  });

  it("'lock' and 'stale-while-revalidate': one call per expiry", () => {
    expect(all.lock.originCalls).toBe(2);
    expect(all.lock.counts.coalesced).toBe(498);
    expect(all['stale-while-revalidate'].originCalls).toBe(2);
    expect(all['stale-while-revalidate'].latency.max).toBe(1);
  });

  it("'probabilistic-early': recomputes before expiry, so no read ever finds the key expired", () => {
    const x = all['probabilistic-early'];
    expect(x.counts.miss).toBe(0);
    expect(x.counts.early).toBe(x.originCalls);
    expect(x.originCalls).toBeLessThan(all.none.originCalls / 10);
  });
});

describe('stampede helpers', () => {
  it('nearest-rank percentiles', () => {
    const s = [15, 20, 35, 40, 50]; // the NIST/Wikipedia nearest-rank example: p30 = 20, p40 = 20, p50 = 35, p100 = 50
    expect([nearestRank(s, 0.3), nearestRank(s, 0.4), nearestRank(s, 0.5), nearestRank(s, 1)]).toEqual([20, 20, 35, 50]);
  });

  it('originConcurrency treats calls as half-open intervals', () => {
    expect(
      originConcurrency([
        { startMs: 0, endMs: 10, kind: 'miss', reader: 0 },
        { startMs: 5, endMs: 15, kind: 'miss', reader: 1 },
        { startMs: 10, endMs: 20, kind: 'miss', reader: 2 },
      ]),
    ).toEqual([
      { atMs: 0, inFlight: 1 },
      { atMs: 5, inFlight: 2 },
      { atMs: 10, inFlight: 2 },
      { atMs: 15, inFlight: 1 },
      { atMs: 20, inFlight: 0 },
    ]);
  });

  it('arrival generators are deterministic per seed and stay in range', () => {
    expect(readerArrivals({ readers: 3, intervalMs: 10, durationMs: 100, seed: 5 })).toEqual(
      readerArrivals({ readers: 3, intervalMs: 10, durationMs: 100, seed: 5 }),
    );
    const b = burstArrivals({ readers: 100, fromMs: 990, toMs: 1010, seed: 3 });
    expect(b.length).toBe(100);
    expect(b.every((a) => a.atMs >= 990 && a.atMs < 1010)).toBe(true);
    expect(b.map((a) => a.atMs)).toEqual([...b.map((a) => a.atMs)].sort((x, y) => x - y));
  });

  it('rejects bad parameters', () => {
    expect(() => simulateStampede({ ...BASE, ttlMs: -1, strategy: 'none' })).toThrow(RangeError);
    expect(() => simulateStampede({ ...BASE, recomputeMs: 0, strategy: 'none' })).toThrow(RangeError);
    expect(() => simulateStampede({ ...BASE, strategy: 'nope' as StampedeStrategy })).toThrow(RangeError);
    expect(() => readerArrivals({ readers: 1, intervalMs: 0, durationMs: 10 })).toThrow(RangeError);
  });
});

// ---- properties ----

const arrivalsArb = fc.array(
  fc.record({ atMs: fc.integer({ min: 0, max: 5000 }), reader: fc.integer({ min: 0, max: 20 }) }),
  { maxLength: 80 },
);
const configArb = fc.record({
  arrivals: arrivalsArb,
  ttlMs: fc.integer({ min: 0, max: 2000 }),
  recomputeMs: fc.integer({ min: 1, max: 500 }),
  hitLatencyMs: fc.integer({ min: 0, max: 5 }),
  beta: fc.double({ min: 0, max: 4, noNaN: true }),
  staleWhileRevalidateMs: fc.integer({ min: 0, max: 2000 }),
  seed: fc.integer({ min: 0, max: 0xffffffff }),
});
const strategyArb = fc.constantFrom(...STAMPEDE_STRATEGIES);

describe('stampede properties', () => {
  it('every read is accounted for once, and every origin call by its cause', () => {
    fc.assert(
      fc.property(configArb, strategyArb, (config, strategy) => {
        const r = simulateStampede({ ...config, strategy });
        const c = r.counts;
        expect(c.hit + c.stale + c.coalesced + c.miss + c.early).toBe(config.arrivals.length);
        const background = r.calls.filter((x) => x.kind === 'background').length;
        expect(r.originCalls).toBe(c.miss + c.early + background);
        expect(Math.max(0, ...originConcurrency(r.calls).map((p) => p.inFlight))).toBe(r.maxConcurrentOrigin);
      }),
    );
  });

  it('latency is the hit latency, the origin time, or part of it when waiting', () => {
    fc.assert(
      fc.property(configArb, strategyArb, (config, strategy) => {
        for (const x of simulateStampede({ ...config, strategy }).log) {
          if (x.outcome === 'hit' || x.outcome === 'stale') expect(x.latencyMs).toBe(config.hitLatencyMs);
          else if (x.outcome === 'coalesced') {
            expect(x.latencyMs).toBeGreaterThan(0);
            expect(x.latencyMs).toBeLessThanOrEqual(config.recomputeMs);
          } else expect(x.latencyMs).toBe(config.recomputeMs);
        }
      }),
    );
  });

  it('a lock never lets two origin calls overlap', () => {
    fc.assert(
      fc.property(configArb, (config) => {
        expect(simulateStampede({ ...config, strategy: 'lock' }).maxConcurrentOrigin).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('stale-while-revalidate with an unbounded window on a warm cache never blocks a reader', () => {
    fc.assert(
      fc.property(configArb, (config) => {
        const r = simulateStampede({ ...config, staleWhileRevalidateMs: Number.POSITIVE_INFINITY, strategy: 'stale-while-revalidate' });
        expect(r.log.every((x) => x.latencyMs === config.hitLatencyMs)).toBe(true);
        expect(r.maxConcurrentOrigin).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('XFetch with beta = 0 makes exactly the origin calls of no protection', () => {
    fc.assert(
      fc.property(configArb, (config) => {
        const x = simulateStampede({ ...config, beta: 0, strategy: 'probabilistic-early' });
        expect(x.calls).toEqual(simulateStampede({ ...config, strategy: 'none' }).calls);
      }),
    );
  });

  it('is deterministic for a seed', () => {
    fc.assert(
      fc.property(configArb, strategyArb, (config, strategy) => {
        expect(simulateStampede({ ...config, strategy })).toEqual(simulateStampede({ ...config, strategy }));
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
        const gen = (): Arrival[] => readerArrivals({ readers: 5, intervalMs: 50, durationMs: 500, seed });
        expect(gen()).toEqual(gen());
      }),
    );
  });
});
