/**
 * Leaky bucket as a meter. The meter starts empty; before each decision
 *   level = max(0, level - elapsedMs * leakPerSec / 1000)
 * and a request is allowed iff level + cost <= capacity, then level += cost.
 * State is kept in milli-units (level × 1000). Denied requests return the previous state unchanged:
 * draining lazily is the same as draining at every call, because max(0, max(0, x - a) - b) = max(0, x - a - b).
 */
import { wholeRequests } from './arithmetic.ts';
import type { LeakyBucketSpec, Step } from './types.ts';

export interface LeakyBucketState {
  readonly kind: 'leaky-bucket';
  /** Level × 1000 at atMs. */
  readonly milliLevel: number;
  readonly atMs: number;
}

export function leakyBucketInitial(): LeakyBucketState {
  return { kind: 'leaky-bucket', milliLevel: 0, atMs: 0 };
}

/** Milli-level of the meter at nowMs (drained), before any decision. */
export function leakyBucketMilliLevelAt(spec: LeakyBucketSpec, state: LeakyBucketState, nowMs: number): number {
  if (state.milliLevel === 0) return 0;
  return Math.max(0, state.milliLevel - (nowMs - state.atMs) * spec.leakPerSec);
}

export function leakyBucketDecide(
  spec: LeakyBucketSpec,
  state: LeakyBucketState,
  nowMs: number,
  cost: number,
): Step<LeakyBucketState> {
  const milliLevel = leakyBucketMilliLevelAt(spec, state, nowMs);
  const milliCapacity = spec.capacity * 1000;
  const milliCost = cost * 1000;
  if (milliLevel + milliCost <= milliCapacity) {
    const level = milliLevel + milliCost;
    return {
      decision: { allowed: true, remaining: wholeRequests(milliCapacity - level, 1000), retryAfterMs: 0 },
      state: { kind: 'leaky-bucket', milliLevel: level, atMs: nowMs },
    };
  }
  // The level must drain to capacity - cost; it drains leakPerSec milli-units per ms.
  const retryAfterMs =
    cost > spec.capacity || spec.leakPerSec === 0 ? Infinity : (milliLevel + milliCost - milliCapacity) / spec.leakPerSec;
  return {
    decision: { allowed: false, remaining: wholeRequests(milliCapacity - milliLevel, 1000), retryAfterMs },
    state,
  };
}

/** Free room in the meter at nowMs (capacity - level, real-valued), for gauges and time series. */
export function leakyBucketAvailable(spec: LeakyBucketSpec, state: LeakyBucketState, nowMs: number): number {
  return spec.capacity - leakyBucketMilliLevelAt(spec, state, nowMs) / 1000;
}

/** The meter's level at nowMs (real-valued): what the island draws as water in the bucket. */
export function leakyBucketLevel(spec: LeakyBucketSpec, state: LeakyBucketState, nowMs: number): number {
  return leakyBucketMilliLevelAt(spec, state, nowMs) / 1000;
}
