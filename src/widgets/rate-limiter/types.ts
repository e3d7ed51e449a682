/**
 * Public types of the rate-limiter model. Times are milliseconds on any monotonic clock
 * the caller chooses (the island uses simulated time); costs are request weights (1 by default).
 */

/** Token bucket: starts full; refills continuously at refillPerSec up to capacity; a request spends cost tokens. */
export interface TokenBucketSpec {
  readonly kind: 'token-bucket';
  readonly capacity: number;
  readonly refillPerSec: number;
}

/** Leaky bucket as a meter: starts empty; drains continuously at leakPerSec; a request adds cost if it fits. */
export interface LeakyBucketSpec {
  readonly kind: 'leaky-bucket';
  readonly capacity: number;
  readonly leakPerSec: number;
}

/** Fixed window counter: windows are [k*windowMs, (k+1)*windowMs); at most limit per window. */
export interface FixedWindowSpec {
  readonly kind: 'fixed-window';
  readonly limit: number;
  readonly windowMs: number;
}

/** Sliding log: at most limit (summed cost) among allowed requests with timestamp > nowMs - windowMs. */
export interface SlidingLogSpec {
  readonly kind: 'sliding-log';
  readonly limit: number;
  readonly windowMs: number;
}

/** Sliding window counter: the previous fixed window's count, weighted by its overlap, plus the current count. */
export interface SlidingCounterSpec {
  readonly kind: 'sliding-counter';
  readonly limit: number;
  readonly windowMs: number;
}

/** Generic cell rate algorithm (as in brandur/redis-cell): limit per periodMs, burst + 1 may pass at once. */
export interface GcraSpec {
  readonly kind: 'gcra';
  readonly limit: number;
  readonly periodMs: number;
  readonly burst: number;
}

export type LimiterSpec =
  | TokenBucketSpec
  | LeakyBucketSpec
  | FixedWindowSpec
  | SlidingLogSpec
  | SlidingCounterSpec
  | GcraSpec;

export type LimiterKind = LimiterSpec['kind'];

/**
 * The answer to one request.
 * - remaining: how many more cost-1 requests would pass right now (floor of what is left), after this decision.
 * - retryAfterMs: 0 when allowed; when denied, the exact delay after which the same request would first be
 *   allowed if nothing else arrives; Infinity when it can never be allowed (cost above the limiter's capacity,
 *   or a zero refill/leak rate).
 */
export interface Decision {
  readonly allowed: boolean;
  readonly remaining: number;
  readonly retryAfterMs: number;
}

/** A decision together with the state after it (the same state object when denied: denials change nothing). */
export interface Step<S> {
  readonly decision: Decision;
  readonly state: S;
}
