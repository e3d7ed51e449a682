/**
 * Hand-computed exact cases for every limiter kind, from the semantics of the model's contract
 * (src/widgets/rate-limiter/model.ts). Each expected value is worked out in the comment beside it.
 * GCRA is checked against brandur/redis-cell in rate-limiter-gcra.test.ts; properties are in
 * rate-limiter-properties.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  createLimiter,
  simulateTraffic,
  slidingCounterEstimate,
  validateSpec,
  type Decision,
  type LimiterSpec,
  type SlidingCounterState,
} from '../../../src/widgets/rate-limiter/model.ts';

const ok = (remaining: number): Decision => ({ allowed: true, remaining, retryAfterMs: 0 });
const no = (remaining: number, retryAfterMs: number): Decision => ({ allowed: false, remaining, retryAfterMs });

describe('token bucket {capacity 3, refillPerSec 2}: one token every 500 ms', () => {
  it('starts full, spends, refills continuously and reports the exact wait', () => {
    const l = createLimiter({ kind: 'token-bucket', capacity: 3, refillPerSec: 2 });
    expect(l.take(0)).toEqual(ok(2)); // 3 -> 2
    expect(l.take(0)).toEqual(ok(1)); // 2 -> 1
    expect(l.take(0)).toEqual(ok(0)); // 1 -> 0
    expect(l.take(0)).toEqual(no(0, 500)); // 0 tokens; 1 token takes 1000/2 = 500 ms
    expect(l.take(100)).toEqual(no(0, 400)); // 0 + 100*2/1000 = 0.2; (1 - 0.2) / 2 per s = 400 ms
    expect(l.take(499)).toEqual(no(0, 1)); // 0.998; 0.002 / 0.002 per ms = 1 ms
    expect(l.take(500)).toEqual(ok(0)); // 0 + 500*2/1000 = 1 -> 0: the denials above changed nothing
  });

  it('caps at capacity and charges cost > 1', () => {
    const l = createLimiter({ kind: 'token-bucket', capacity: 3, refillPerSec: 2 });
    for (let i = 0; i < 3; i++) l.take(0);
    expect(l.take(2000, 2)).toEqual(ok(1)); // min(3, 0 + 2000*2/1000 = 4) = 3; 3 - 2 = 1
    expect(l.take(2000, 2)).toEqual(no(1, 500)); // 1 < 2; (2 - 1) / 2 per s = 500 ms
    expect(l.take(2250, 2)).toEqual(no(1, 250)); // 1 + 0.5 = 1.5; 0.5 / 2 per s = 250 ms
    expect(l.take(2500, 2)).toEqual(ok(0)); // 1 + 1 = 2 -> 0
    expect(l.take(100_000, 4)).toEqual(no(3, Infinity)); // full (3) but 4 > capacity: never
  });

  it('remaining is the floor of the fractional tokens left', () => {
    const l = createLimiter({ kind: 'token-bucket', capacity: 5, refillPerSec: 1 });
    for (let i = 4; i >= 0; i--) expect(l.take(0)).toEqual(ok(i));
    expect(l.take(2500)).toEqual(ok(1)); // 0 + 2.5 = 2.5 -> 1.5 left, floor 1
    expect(l.available(2500)).toBe(1.5);
    expect(l.take(2500)).toEqual(ok(0)); // 0.5 left
    expect(l.take(2500)).toEqual(no(0, 500)); // 0.5 short at 1 per s
  });

  it('a refill that does not divide 1000 ms still decides exactly (1 token per 1000/3 ms)', () => {
    const l = createLimiter({ kind: 'token-bucket', capacity: 1, refillPerSec: 3 });
    expect(l.take(0)).toEqual(ok(0));
    expect(l.take(0)).toEqual(no(0, 1000 / 3));
    expect(l.take(333)).toEqual(no(0, 1 / 3)); // 999 milli-tokens: 1 milli-token at 3 per ms
    expect(l.take(1000 / 3)).toEqual(ok(0));
  });

  it('never refills with refillPerSec 0', () => {
    const l = createLimiter({ kind: 'token-bucket', capacity: 2, refillPerSec: 0 });
    expect(l.take(0, 2)).toEqual(ok(0));
    expect(l.take(1e9)).toEqual(no(0, Infinity));
  });
});

describe('leaky bucket {capacity 3, leakPerSec 2}: a meter that drains one unit every 500 ms', () => {
  it('starts empty, fills, drains and reports the exact wait', () => {
    const l = createLimiter({ kind: 'leaky-bucket', capacity: 3, leakPerSec: 2 });
    expect(l.take(0)).toEqual(ok(2)); // level 0 -> 1
    expect(l.take(0)).toEqual(ok(1)); // 1 -> 2
    expect(l.take(0)).toEqual(ok(0)); // 2 -> 3
    expect(l.take(0)).toEqual(no(0, 500)); // 3 + 1 > 3; drain 1 unit at 2/s = 500 ms
    expect(l.take(250)).toEqual(no(0, 250)); // level 3 - 0.5 = 2.5; drain 0.5 more = 250 ms
    expect(l.take(500)).toEqual(ok(0)); // level 2 -> 3 (the denials did not add water)
  });

  it('charges cost > 1 and never admits more than capacity', () => {
    const l = createLimiter({ kind: 'leaky-bucket', capacity: 3, leakPerSec: 2 });
    l.take(0, 3); // level 3
    expect(l.take(1000, 2)).toEqual(ok(0)); // 3 - 2 = 1; 1 + 2 = 3 <= 3
    expect(l.take(1000, 3)).toEqual(no(0, 1500)); // must drain to 0: 3 units at 2/s
    expect(l.take(1000, 4)).toEqual(no(0, Infinity)); // 4 > capacity: never
    expect(l.take(2750)).toEqual(ok(2)); // max(0, 3 - 1.75*2) = 0; 0 + 1 = 1; room 3 - 1 = 2
  });

  it('remaining is the floor of the room left', () => {
    const l = createLimiter({ kind: 'leaky-bucket', capacity: 3, leakPerSec: 2 });
    l.take(0, 3); // level 3
    expect(l.take(1250)).toEqual(ok(1)); // 3 - 1.25*2 = 0.5; 0.5 + 1 = 1.5; room 1.5 -> 1
    expect(l.available(1250)).toBe(1.5);
  });
});

describe('fixed window {limit 3, windowMs 1000}', () => {
  it('counts per window [k*1000, (k+1)*1000) and waits for the next window', () => {
    const l = createLimiter({ kind: 'fixed-window', limit: 3, windowMs: 1000 });
    expect(l.take(0)).toEqual(ok(2));
    expect(l.take(100)).toEqual(ok(1));
    expect(l.take(999)).toEqual(ok(0));
    expect(l.take(999)).toEqual(no(0, 1)); // next window starts at 1000
    // The boundary burst the fixed window is known for: 3 at 999 ms and 3 more from 1000 ms.
    expect(l.take(1000)).toEqual(ok(2));
    expect(l.take(1000)).toEqual(ok(1));
    expect(l.take(1000)).toEqual(ok(0));
  });

  it('charges cost > 1; denials add nothing to the count', () => {
    const l = createLimiter({ kind: 'fixed-window', limit: 3, windowMs: 1000 });
    expect(l.take(1500)).toEqual(ok(2));
    expect(l.take(1600, 3)).toEqual(no(2, 400)); // 1 + 3 > 3; window 2 starts at 2000
    expect(l.take(1700, 2)).toEqual(ok(0)); // 1 + 2 = 3: the denied 3 was not counted
    expect(l.take(1800, 4)).toEqual(no(0, Infinity)); // 4 > limit: never
  });

  it('handles windows before time 0 (k = floor(now / windowMs))', () => {
    const l = createLimiter({ kind: 'fixed-window', limit: 1, windowMs: 1000 });
    expect(l.take(-1)).toEqual(ok(0)); // window -1 = [-1000, 0)
    expect(l.take(-1)).toEqual(no(0, 1));
    expect(l.take(0)).toEqual(ok(0));
  });
});

describe('sliding log {limit 3, windowMs 1000}', () => {
  it('counts allowed requests with timestamp > now - windowMs', () => {
    const l = createLimiter({ kind: 'sliding-log', limit: 3, windowMs: 1000 });
    expect(l.take(0)).toEqual(ok(2));
    expect(l.take(100)).toEqual(ok(1));
    expect(l.take(200)).toEqual(ok(0));
    expect(l.take(500)).toEqual(no(0, 500)); // the entry at 0 leaves once now - 1000 >= 0, at 1000
    expect(l.take(999)).toEqual(no(0, 1));
    expect(l.take(1000)).toEqual(ok(0)); // 0 > 1000 - 1000 is false: 100, 200 remain
  });

  it('waits for enough old entries to leave for cost > 1; denials are not logged', () => {
    const l = createLimiter({ kind: 'sliding-log', limit: 3, windowMs: 1000 });
    l.take(0);
    l.take(100);
    l.take(200);
    l.take(1000); // log in window at 1000: 100, 200, 1000
    expect(l.take(1000, 2)).toEqual(no(0, 200)); // excess 3 + 2 - 3 = 2: entries 100 and 200 must leave, at 1200
    expect(l.take(1100, 2)).toEqual(no(1, 100)); // at 1100: 200, 1000 in window (room 1); excess 1: 200 leaves at 1200
    expect(l.take(1200, 2)).toEqual(ok(0)); // only 1000 in window: 1 + 2 = 3
    // Had the two denials been logged, the window would hold 4 more; it holds 1000 and 1200 (cost 2).
    expect(l.take(1999)).toEqual(no(0, 1)); // 1 + 2 + 1 > 3; the entry at 1000 leaves at 2000
    expect(l.take(2000)).toEqual(ok(0)); // (1000, 2000] holds 1200 (cost 2): 2 + 1 = 3
    expect(l.take(2000, 4)).toEqual(no(0, Infinity)); // 4 > limit: never
  });
});

describe('sliding counter', () => {
  it('reproduces the weighted estimate of the standard example (previous 5, current 3, 30% into the window)', () => {
    // Example from Alex Xu, "System Design Interview" ch. 4 (sliding window counter): limit 7 per minute,
    // 5 requests in the previous minute, 3 in the current, a new request at 30% of the current minute:
    // 3 + 5 * 0.7 = 6.5. (The book then rounds 6.5 down and admits the request; this model does not
    // round: 6.5 + 1 > 7, so it is denied.)
    const spec = { kind: 'sliding-counter', limit: 7, windowMs: 60_000 } as const;
    const l = createLimiter(spec);
    for (let t = 0; t < 5; t++) expect(l.take(t).allowed).toBe(true); // window 0: 5 requests
    // Window 1 = [60000, 120000). Three requests at 75 s (25% in):
    expect(l.take(75_000)).toEqual(ok(2)); // 5 * 45000/60000 + 0 = 3.75; + 1 = 4.75; floor(7 - 4.75) = 2
    expect(l.take(75_001)).toEqual(ok(1)); // 5 * 44999/60000 + 1 + 1 = 5.7499...; floor(1.25...) = 1
    expect(l.take(75_002)).toEqual(ok(0)); // 5 * 44998/60000 + 2 + 1 = 6.7498...; floor(0.25...) = 0
    // 30% into window 1 is 78000 ms: estimate = 5 * (60000 - 18000) / 60000 + 3 = 6.5.
    expect(slidingCounterEstimate(spec, l.state() as SlidingCounterState, 78_000)).toBe(6.5);
    // 6.5 + 1 > 7: denied. Allowed once 5 * (60000 - e) / 60000 + 3 + 1 <= 7, i.e. e >= 24000 (84000 ms).
    expect(l.take(78_000)).toEqual(no(0, 6000));
    expect(l.take(83_999)).toEqual(no(0, 1)); // 5 * 36001/60000 = 3.00008...: e must reach 24000
    expect(l.take(84_000)).toEqual(ok(0)); // 5 * 36000/60000 + 3 + 1 = 7
  });

  it('waits into the next window when the current count alone is too high', () => {
    const l = createLimiter({ kind: 'sliding-counter', limit: 3, windowMs: 1000 });
    l.take(0);
    l.take(0);
    l.take(0); // window 0 holds 3
    // At 500: estimate 0 + 3; nothing helps in window 0. In window 1 the 3 becomes the previous count:
    // 3 * (1000 - e) / 1000 + 1 <= 3  <=>  e >= 1000/3. Wait = 500 + 1000/3 = 2500/3 ms.
    const d = l.take(500);
    expect(d.allowed).toBe(false);
    expect(d.remaining).toBe(0);
    expect(d.retryAfterMs).toBeCloseTo(2500 / 3, 9);
    const late = l.take(1333); // 3 * 667/1000 + 1 = 3.001 > 3; e must reach 1000/3
    expect([late.allowed, late.remaining]).toEqual([false, 0]);
    expect(late.retryAfterMs).toBeCloseTo(1000 / 3 - 333, 9);
    expect(l.take(1334)).toEqual(ok(0)); // 3 * 666/1000 + 1 = 2.998 -> floor(0.002) = 0
  });

  it('charges cost > 1 and never admits a cost above the limit', () => {
    const l = createLimiter({ kind: 'sliding-counter', limit: 4, windowMs: 1000 });
    expect(l.take(0, 2)).toEqual(ok(2)); // 0 + 2 = 2
    expect(l.take(1500, 3)).toEqual(ok(0)); // window 1, e = 500: 2 * 500/1000 + 0 = 1; 1 + 3 = 4 <= 4
    // Now 1 + 3 = 4; one more needs 2 * (1000 - e)/1000 + 3 + 1 <= 4, i.e. e = 1000: the next window (2000 ms),
    // where the estimate is 3 * 1 + 0 = 3.
    expect(l.take(1500)).toEqual(no(0, 500));
    expect(l.take(1999)).toEqual(no(0, 1)); // 2 * 1/1000 + 3 + 1 = 4.002
    expect(l.take(1500, 5)).toEqual(no(0, Infinity)); // 5 > limit: never
    expect(l.take(2000)).toEqual(ok(0)); // 3 + 0 + 1 = 4
  });
});

describe('simulateTraffic', () => {
  it('replays arrivals in time order and returns decisions, totals and a step-chart series', () => {
    // fixed window {limit 2, windowMs 1000}; arrivals given out of order, one with cost 2.
    const res = simulateTraffic({ kind: 'fixed-window', limit: 2, windowMs: 1000 }, [500, 0, 0, { atMs: 1000, cost: 2 }], {
      sampleEveryMs: 500,
    });
    expect(res.capacity).toBe(2);
    expect(res.requests).toEqual([
      { index: 1, atMs: 0, cost: 1, allowed: true, remaining: 1, retryAfterMs: 0, availableAfter: 1 },
      { index: 2, atMs: 0, cost: 1, allowed: true, remaining: 0, retryAfterMs: 0, availableAfter: 0 },
      { index: 0, atMs: 500, cost: 1, allowed: false, remaining: 0, retryAfterMs: 500, availableAfter: 0 },
      { index: 3, atMs: 1000, cost: 2, allowed: true, remaining: 0, retryAfterMs: 0, availableAfter: 0 },
    ]);
    expect([res.allowedCount, res.deniedCount, res.allowedCost, res.deniedCost]).toEqual([3, 1, 4, 1]);
    // Samples at 0, 500, 1000 (before the arrivals at that time), then before/after each arrival.
    expect(res.series.map((p) => [p.atMs, p.available])).toEqual([
      [0, 2], [0, 2], [0, 1], [0, 1], [0, 0],
      [500, 0], [500, 0], [500, 0],
      [1000, 2], [1000, 2], [1000, 0],
    ]);
  });

  it('samples 100 steps over the arrivals by default and refuses absurd sampling', () => {
    const res = simulateTraffic({ kind: 'token-bucket', capacity: 1, refillPerSec: 1 }, [0, 1000]);
    expect(res.series.length).toBe(101 + 4);
    expect(res.series.at(-1)).toEqual({ atMs: 1000, available: 0 }); // refilled to 1, then spent
    expect(() => simulateTraffic({ kind: 'gcra', limit: 1, periodMs: 1, burst: 0 }, [0, 1e9], { sampleEveryMs: 1 })).toThrow(
      RangeError,
    );
    expect(simulateTraffic({ kind: 'gcra', limit: 1, periodMs: 1, burst: 0 }, []).series).toEqual([{ atMs: 0, available: 1 }]);
  });
});

describe('spec validation', () => {
  it('rejects impossible specs with a RangeError naming the field', () => {
    const bad: LimiterSpec[] = [
      { kind: 'token-bucket', capacity: 0, refillPerSec: 1 },
      { kind: 'token-bucket', capacity: 1, refillPerSec: -1 },
      { kind: 'leaky-bucket', capacity: Number.NaN, leakPerSec: 1 },
      { kind: 'fixed-window', limit: 1, windowMs: 0 },
      { kind: 'sliding-log', limit: -1, windowMs: 10 },
      { kind: 'sliding-counter', limit: 1, windowMs: Infinity },
      { kind: 'gcra', limit: 1, periodMs: 1000, burst: 1.5 },
      { kind: 'gcra', limit: 0, periodMs: 1000, burst: 1 },
    ];
    for (const spec of bad) expect(() => createLimiter(spec)).toThrow(RangeError);
    expect(() => validateSpec({ kind: 'nope' } as unknown as LimiterSpec)).toThrow(TypeError);
    expect(() => createLimiter({ kind: 'gcra', limit: 1, periodMs: 1000, burst: 1.5 })).toThrow(/burst/);
  });

  it('rejects bad requests and time running backwards past the last allowed request', () => {
    const l = createLimiter({ kind: 'fixed-window', limit: 1, windowMs: 1000 });
    expect(() => l.take(Number.NaN)).toThrow(RangeError);
    expect(() => l.take(0, -1)).toThrow(/cost/);
    l.take(500);
    expect(() => l.take(499)).toThrow(/backwards/);
    expect(l.take(2000)).toEqual(ok(0));
  });
});
