/**
 * TTL expiry and cache stampede ("thundering herd") model: one hot key, many concurrent readers,
 * and four ways of refreshing the key when its TTL runs out. Time is in milliseconds and passed in;
 * the only randomness (XFetch's draws, and the optional arrival generators) comes from seeded
 * mulberry32 generators, so a seed replays a run exactly.
 *
 * Strategies:
 * - 'none': every request that finds the key missing or expired calls the origin itself.
 * - 'lock': request coalescing / single flight. The first such request calls the origin; requests
 *   arriving while that call is in flight wait for its result instead of calling again.
 * - 'probabilistic-early': XFetch (Vattani, Chierichetti, Lowenstein, "Optimal Probabilistic Cache
 *   Stampede Prevention", PVLDB 8(8), 2015). A request that finds a value recomputes it early, and
 *   waits for that, if  now - delta * beta * ln(rand()) >= expiry,  where delta is how long the last
 *   recomputation took. rand is 1 - mulberry32() so it lies in (0, 1] and ln never sees 0. Once the
 *   value has expired it is gone (the cache drops it at its TTL) and the request misses, as in the
 *   paper's XFetch pseudo-code and internetarchive/xfetch (xfetch-predis.php).
 * - 'stale-while-revalidate': RFC 5861 section 3. Fresh while age < ttl; a stale value is still
 *   served, without blocking, while it is less than `staleWhileRevalidateMs` past its TTL, and
 *   serving it starts one asynchronous revalidation (none if an origin call is already in flight).
 *   Past that window the response is "truly" stale and "the next request will block and be handled
 *   normally" (RFC 5861 section 3.1): it calls the origin like 'none'.
 *
 * Shared rules: an origin call takes `recomputeMs` and writes the value (fresh for `ttlMs`) when it
 * completes; a completion at time t is visible to a request arriving at t. Requests are processed in
 * time order (ties keep input order). Latency: `hitLatencyMs` for a response from the cache (fresh or
 * stale), `recomputeMs` for a request that calls the origin itself, and the remaining time of the call
 * it waits for when coalesced.
 */
import { mulberry32 } from '../shared/random.ts';

export type StampedeStrategy = 'none' | 'lock' | 'probabilistic-early' | 'stale-while-revalidate';

export const STAMPEDE_STRATEGIES: readonly StampedeStrategy[] = [
  'none',
  'lock',
  'probabilistic-early',
  'stale-while-revalidate',
];

/** One read of the hot key. */
export interface Arrival {
  atMs: number;
  reader: number;
}

export interface StampedeConfig {
  arrivals: readonly Arrival[];
  /** Freshness lifetime of a written value (max-age). */
  ttlMs: number;
  /** Origin latency (> 0): how long one recomputation takes (XFetch's delta). */
  recomputeMs: number;
  /** Latency of a response served from the cache; default 1 ms. */
  hitLatencyMs?: number;
  /** XFetch's beta (>= 0; 0 never recomputes early, > 1 favours earlier recomputation); default 1. */
  beta?: number;
  /** RFC 5861 stale-while-revalidate window after the TTL; default equal to ttlMs. May be Infinity. */
  staleWhileRevalidateMs?: number;
  /** When the value was first written; default 0 (warm cache). null starts with an empty cache. */
  warmAtMs?: number | null;
  /** Seed for XFetch's draws; default 1. */
  seed?: number;
}

export interface StampedeInput extends StampedeConfig {
  strategy: StampedeStrategy;
}

/**
 * hit: fresh value from cache; stale: stale value served under stale-while-revalidate;
 * coalesced: waited for another request's origin call; miss: called the origin because there was no
 * usable value; early: XFetch recomputation before expiry.
 */
export type RequestOutcomeKind = 'hit' | 'stale' | 'coalesced' | 'miss' | 'early';

export interface RequestOutcome {
  atMs: number;
  reader: number;
  outcome: RequestOutcomeKind;
  latencyMs: number;
  /** Index in `calls` of the origin call this request made, waited for or triggered; else null. */
  call: number | null;
  /** XFetch only: the drawn head start -delta*beta*ln(rand) compared against the time to expiry. */
  earlyMarginMs: number | null;
  /** Expiry of the value the request saw (null if the cache was empty). */
  expiryMs: number | null;
}

export type OriginCallKind = 'miss' | 'early' | 'background';

export interface OriginCall {
  startMs: number;
  endMs: number;
  kind: OriginCallKind;
  /** Reader whose request started the call. */
  reader: number;
}

export interface LatencySummary {
  mean: number;
  /** Nearest-rank percentiles: the ceil(p * n)-th smallest latency. */
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface StampedeResult {
  strategy: StampedeStrategy;
  requests: number;
  originCalls: number;
  /** Largest number of origin calls in flight at once (calls are half-open [start, end)). */
  maxConcurrentOrigin: number;
  counts: Record<RequestOutcomeKind, number>;
  latency: LatencySummary;
  log: RequestOutcome[];
  calls: OriginCall[];
  /** Expiry of the cached value once every call has completed (null if never written). */
  finalExpiryMs: number | null;
}

function requireNumber(name: string, v: number, allowInfinity = false): void {
  if (Number.isNaN(v) || v < 0 || (!allowInfinity && !Number.isFinite(v))) {
    throw new RangeError(`${name} must be a non-negative${allowInfinity ? '' : ' finite'} number, got ${v}`);
  }
}

/** Nearest-rank percentile of an ascending array (p in (0, 1]). */
export function nearestRank(sortedAsc: readonly number[], p: number): number {
  if (sortedAsc.length === 0) return 0;
  const rank = Math.max(1, Math.ceil(p * sortedAsc.length));
  return sortedAsc[Math.min(rank, sortedAsc.length) - 1]!;
}

export function summarizeLatency(latencies: readonly number[]): LatencySummary {
  if (latencies.length === 0) return { mean: 0, p50: 0, p95: 0, p99: 0, max: 0 };
  const sorted = [...latencies].sort((a, b) => a - b);
  const mean = sorted.reduce((s, x) => s + x, 0) / sorted.length;
  return {
    mean,
    p50: nearestRank(sorted, 0.5),
    p95: nearestRank(sorted, 0.95),
    p99: nearestRank(sorted, 0.99),
    max: sorted[sorted.length - 1]!,
  };
}

/**
 * Probability that one XFetch read, `gapMs` before expiry, recomputes early:
 * P(-delta*beta*ln U >= gap) = exp(-gap / (delta*beta)) for U uniform on (0, 1].
 */
export function xfetchEarlyProbability(gapMs: number, deltaMs: number, beta: number): number {
  if (gapMs <= 0) return 1;
  const scale = deltaMs * beta;
  return scale === 0 ? 0 : Math.exp(-gapMs / scale);
}

export function simulateStampede(input: StampedeInput): StampedeResult {
  const { strategy, ttlMs, recomputeMs } = input;
  if (!STAMPEDE_STRATEGIES.includes(strategy)) throw new RangeError(`unknown stampede strategy: ${String(strategy)}`);
  const hitLatencyMs = input.hitLatencyMs ?? 1;
  const beta = input.beta ?? 1;
  const swrMs = input.staleWhileRevalidateMs ?? ttlMs;
  requireNumber('ttlMs', ttlMs);
  requireNumber('recomputeMs', recomputeMs);
  // A zero-length origin call would be an empty interval: nothing to stampede on.
  if (recomputeMs === 0) throw new RangeError('recomputeMs must be positive');
  requireNumber('hitLatencyMs', hitLatencyMs);
  requireNumber('beta', beta);
  requireNumber('staleWhileRevalidateMs', swrMs, true);
  for (const a of input.arrivals) {
    if (!Number.isFinite(a.atMs)) throw new RangeError(`arrival times must be finite, got ${a.atMs}`);
  }
  const rng = mulberry32(input.seed ?? 1);

  const order = input.arrivals.map((a, i) => ({ a, i })).sort((x, y) => x.a.atMs - y.a.atMs || x.i - y.i);

  // The cached value: when it was written (null = empty) and the recompute time stored with it.
  let storedAt: number | null = input.warmAtMs === undefined ? 0 : input.warmAtMs;
  const calls: OriginCall[] = [];
  let inFlight: number[] = []; // indices into calls, ascending end time
  let maxConcurrentOrigin = 0;
  const log: RequestOutcome[] = [];
  const counts: Record<RequestOutcomeKind, number> = { hit: 0, stale: 0, coalesced: 0, miss: 0, early: 0 };

  const settle = (t: number): void => {
    while (inFlight.length > 0 && calls[inFlight[0]!]!.endMs <= t) {
      storedAt = calls[inFlight.shift()!]!.endMs;
    }
  };
  const startCall = (t: number, kind: OriginCallKind, reader: number): number => {
    const idx = calls.push({ startMs: t, endMs: t + recomputeMs, kind, reader }) - 1;
    inFlight.push(idx);
    inFlight = inFlight.sort((x, y) => calls[x]!.endMs - calls[y]!.endMs || x - y);
    maxConcurrentOrigin = Math.max(maxConcurrentOrigin, inFlight.length);
    return idx;
  };

  for (const { a } of order) {
    const t = a.atMs;
    settle(t);
    const expiryMs: number | null = storedAt === null ? null : storedAt + ttlMs;
    const fresh = expiryMs !== null && t < expiryMs;
    let outcome: RequestOutcomeKind;
    let latencyMs: number;
    let call: number | null = null;
    let earlyMarginMs: number | null = null;

    if (fresh && strategy === 'probabilistic-early') {
      // XFetch: now - delta*beta*ln(rand) >= expiry  ->  recompute now, before expiry.
      const u = 1 - rng();
      earlyMarginMs = -recomputeMs * beta * Math.log(u);
      if (t + earlyMarginMs >= expiryMs!) {
        outcome = 'early';
        latencyMs = recomputeMs;
        call = startCall(t, 'early', a.reader);
      } else {
        outcome = 'hit';
        latencyMs = hitLatencyMs;
      }
    } else if (fresh) {
      outcome = 'hit';
      latencyMs = hitLatencyMs;
    } else if (strategy === 'lock' && inFlight.length > 0) {
      call = inFlight[0]!;
      outcome = 'coalesced';
      latencyMs = calls[call]!.endMs - t;
    } else if (strategy === 'stale-while-revalidate' && expiryMs !== null && t - expiryMs < swrMs) {
      outcome = 'stale';
      latencyMs = hitLatencyMs;
      call = inFlight.length > 0 ? null : startCall(t, 'background', a.reader);
    } else {
      outcome = 'miss';
      latencyMs = recomputeMs;
      call = startCall(t, 'miss', a.reader);
    }
    counts[outcome]++;
    log.push({ atMs: t, reader: a.reader, outcome, latencyMs, call, earlyMarginMs, expiryMs });
  }
  settle(Number.POSITIVE_INFINITY);

  return {
    strategy,
    requests: log.length,
    originCalls: calls.length,
    maxConcurrentOrigin,
    counts,
    latency: summarizeLatency(log.map((r) => r.latencyMs)),
    log,
    calls,
    finalExpiryMs: storedAt === null ? null : storedAt + ttlMs,
  };
}

/** Run all four strategies on the same arrivals and seed. */
export function compareStampede(config: StampedeConfig): Record<StampedeStrategy, StampedeResult> {
  const run = (strategy: StampedeStrategy): StampedeResult => simulateStampede({ ...config, strategy });
  return {
    none: run('none'),
    lock: run('lock'),
    'probabilistic-early': run('probabilistic-early'),
    'stale-while-revalidate': run('stale-while-revalidate'),
  };
}

/** Step series of origin calls in flight, for a chart: the count from each point's time onwards. */
export function originConcurrency(calls: readonly OriginCall[]): { atMs: number; inFlight: number }[] {
  const events: { t: number; d: number }[] = [];
  for (const c of calls) {
    events.push({ t: c.startMs, d: 1 }, { t: c.endMs, d: -1 });
  }
  // Ends before starts at the same instant: calls are half-open [start, end).
  events.sort((x, y) => x.t - y.t || x.d - y.d);
  const series: { atMs: number; inFlight: number }[] = [];
  let level = 0;
  for (const e of events) {
    level += e.d;
    const last = series[series.length - 1];
    if (last !== undefined && last.atMs === e.t) last.inFlight = level;
    else series.push({ atMs: e.t, inFlight: level });
  }
  return series;
}

export interface ReaderArrivalsInput {
  readers: number;
  /** Each reader reads once per interval, at a seeded random phase within the first interval. */
  intervalMs: number;
  durationMs: number;
  startMs?: number;
  seed?: number;
}

/** N concurrent readers polling the key periodically, each with its own seeded phase. */
export function readerArrivals(input: ReaderArrivalsInput): Arrival[] {
  const { readers, intervalMs, durationMs } = input;
  const startMs = input.startMs ?? 0;
  if (!Number.isInteger(readers) || readers < 0) throw new RangeError(`readers must be a non-negative integer, got ${readers}`);
  if (!(intervalMs > 0) || !Number.isFinite(intervalMs)) throw new RangeError(`intervalMs must be positive, got ${intervalMs}`);
  requireNumber('durationMs', durationMs);
  const rng = mulberry32(input.seed ?? 1);
  const out: Arrival[] = [];
  for (let reader = 0; reader < readers; reader++) {
    const phase = rng() * intervalMs;
    for (let k = 0; phase + k * intervalMs < durationMs; k++) out.push({ atMs: startMs + phase + k * intervalMs, reader });
  }
  return out.sort((x, y) => x.atMs - y.atMs || x.reader - y.reader);
}

export interface BurstArrivalsInput {
  readers: number;
  fromMs: number;
  toMs: number;
  seed?: number;
}

/** N readers each reading once at a seeded uniform time in [fromMs, toMs): a burst around an expiry. */
export function burstArrivals(input: BurstArrivalsInput): Arrival[] {
  const { readers, fromMs, toMs } = input;
  if (!Number.isInteger(readers) || readers < 0) throw new RangeError(`readers must be a non-negative integer, got ${readers}`);
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || toMs < fromMs) {
    throw new RangeError(`need finite fromMs <= toMs, got ${fromMs}..${toMs}`);
  }
  const rng = mulberry32(input.seed ?? 1);
  const out: Arrival[] = [];
  for (let reader = 0; reader < readers; reader++) out.push({ atMs: fromMs + rng() * (toMs - fromMs), reader });
  return out.sort((x, y) => x.atMs - y.atMs || x.reader - y.reader);
}
