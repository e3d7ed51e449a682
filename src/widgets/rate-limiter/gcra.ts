/**
 * Generic cell rate algorithm, following brandur/redis-cell (redis-cell-impl/src/lib.rs, RateLimiter::rate_limit):
 *   T = periodMs / limit (emission interval), tolerance = (burst + 1) * T (redis-cell's delay_variation_tolerance)
 *   newTat = max(tat, now) + cost * T
 *   allowed iff now >= newTat - (burst + 1) * T, then tat = newTat
 * With burst b, b + 1 requests pass at once (redis-cell's reported limit is max_burst + 1).
 *
 * Times are kept as "ms × limit", in which T is exactly periodMs: 1000 ms / 3 requests has no exact
 * decimal, but 3 × ms and 1000 are integers, so every comparison is exact for integer inputs.
 * A denied request leaves tat unchanged (redis-cell only writes the key when the request is allowed).
 */
import { wholeRequests } from './arithmetic.ts';
import type { GcraSpec, Step } from './types.ts';

export interface GcraState {
  readonly kind: 'gcra';
  /** Theoretical arrival time × limit; null before the first allowed request (redis-cell: key missing, tat = now). */
  readonly tatTimesLimit: number | null;
}

export function gcraInitial(): GcraState {
  return { kind: 'gcra', tatTimesLimit: null };
}

/** Emission interval T in ms (may be fractional, e.g. 1000 / 3). */
export function gcraEmissionIntervalMs(spec: GcraSpec): number {
  return spec.periodMs / spec.limit;
}

/** The theoretical arrival time in ms, or null before the first allowed request. */
export function gcraTatMs(spec: GcraSpec, state: GcraState): number | null {
  return state.tatTimesLimit === null ? null : state.tatTimesLimit / spec.limit;
}

/** Time until the limiter is back to its full burst (redis-cell's reset_after = max(tat, now) - now). */
export function gcraResetAfterMs(spec: GcraSpec, state: GcraState, nowMs: number): number {
  const now = nowMs * spec.limit;
  const tat = state.tatTimesLimit ?? now;
  return (Math.max(tat, now) - now) / spec.limit;
}

export function gcraDecide(spec: GcraSpec, state: GcraState, nowMs: number, cost: number): Step<GcraState> {
  const T = spec.periodMs; // emission interval, scaled
  const tolerance = (spec.burst + 1) * T;
  const now = nowMs * spec.limit;
  const tat = state.tatTimesLimit ?? now;
  // Scaled time until the request fits: max(tat, now) + cost*T - tolerance - now, written so that no term is
  // added and then subtracted again (with a fractional now, (now + T) - T need not equal now in floating point).
  const wait = Math.max(tat - now, 0) + cost * T - tolerance;
  if (wait <= 0) {
    const newTat = Math.max(tat, now) + cost * T;
    return {
      decision: { allowed: true, remaining: wholeRequests(tolerance - (newTat - now), T), retryAfterMs: 0 },
      state: { kind: 'gcra', tatTimesLimit: newTat },
    };
  }
  // redis-cell reports retry_after = allow_at - now only when increment <= tolerance; otherwise the request
  // can never pass (it returns -1, which this model spells Infinity).
  const retryAfterMs = cost > spec.burst + 1 ? Infinity : wait / spec.limit;
  return {
    decision: { allowed: false, remaining: wholeRequests(tolerance - Math.max(0, tat - now), T), retryAfterMs },
    state,
  };
}

/** Cost-1 requests' worth of room at nowMs (real-valued, 0..burst+1), for gauges and time series. */
export function gcraAvailable(spec: GcraSpec, state: GcraState, nowMs: number): number {
  const now = nowMs * spec.limit;
  const tat = state.tatTimesLimit ?? now;
  return ((spec.burst + 1) * spec.periodMs - Math.max(0, tat - now)) / spec.periodMs;
}
