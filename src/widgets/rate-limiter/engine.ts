/**
 * Pure dispatch over the six algorithms: (spec, state, now, cost) -> (decision, state'). createLimiter wraps
 * this with a mutable cell; the functions are exported too so tests and the island can branch from any state.
 */
import { fixedWindowAvailable, fixedWindowDecide, fixedWindowInitial, type FixedWindowState } from './fixed-window.ts';
import { gcraAvailable, gcraDecide, gcraInitial, type GcraState } from './gcra.ts';
import { leakyBucketAvailable, leakyBucketDecide, leakyBucketInitial, type LeakyBucketState } from './leaky-bucket.ts';
import {
  slidingCounterAvailable,
  slidingCounterDecide,
  slidingCounterInitial,
  type SlidingCounterState,
} from './sliding-counter.ts';
import { slidingLogAvailable, slidingLogDecide, slidingLogInitial, type SlidingLogState } from './sliding-log.ts';
import { tokenBucketAvailable, tokenBucketDecide, tokenBucketInitial, type TokenBucketState } from './token-bucket.ts';
import type { LimiterSpec, Step } from './types.ts';

export type LimiterState =
  | TokenBucketState
  | LeakyBucketState
  | FixedWindowState
  | SlidingLogState
  | SlidingCounterState
  | GcraState;

export function initialState(spec: LimiterSpec): LimiterState {
  switch (spec.kind) {
    case 'token-bucket':
      return tokenBucketInitial();
    case 'leaky-bucket':
      return leakyBucketInitial();
    case 'fixed-window':
      return fixedWindowInitial();
    case 'sliding-log':
      return slidingLogInitial();
    case 'sliding-counter':
      return slidingCounterInitial();
    case 'gcra':
      return gcraInitial();
  }
}

function mismatch(spec: LimiterSpec, state: LimiterState): never {
  throw new TypeError(`state of kind ${state.kind} does not belong to a ${spec.kind} limiter`);
}

/** One decision; a denied request returns the very same state object. */
export function decide(spec: LimiterSpec, state: LimiterState, nowMs: number, cost: number): Step<LimiterState> {
  switch (spec.kind) {
    case 'token-bucket':
      return state.kind === spec.kind ? tokenBucketDecide(spec, state, nowMs, cost) : mismatch(spec, state);
    case 'leaky-bucket':
      return state.kind === spec.kind ? leakyBucketDecide(spec, state, nowMs, cost) : mismatch(spec, state);
    case 'fixed-window':
      return state.kind === spec.kind ? fixedWindowDecide(spec, state, nowMs, cost) : mismatch(spec, state);
    case 'sliding-log':
      return state.kind === spec.kind ? slidingLogDecide(spec, state, nowMs, cost) : mismatch(spec, state);
    case 'sliding-counter':
      return state.kind === spec.kind ? slidingCounterDecide(spec, state, nowMs, cost) : mismatch(spec, state);
    case 'gcra':
      return state.kind === spec.kind ? gcraDecide(spec, state, nowMs, cost) : mismatch(spec, state);
  }
}

/**
 * Room at nowMs in cost units, real-valued (not floored): tokens for a token bucket, capacity - level for a
 * leaky bucket, limit - count (or - estimate) for the window kinds, and cost-1 requests' worth for GCRA.
 */
export function availableAt(spec: LimiterSpec, state: LimiterState, nowMs: number): number {
  switch (spec.kind) {
    case 'token-bucket':
      return state.kind === spec.kind ? tokenBucketAvailable(spec, state, nowMs) : mismatch(spec, state);
    case 'leaky-bucket':
      return state.kind === spec.kind ? leakyBucketAvailable(spec, state, nowMs) : mismatch(spec, state);
    case 'fixed-window':
      return state.kind === spec.kind ? fixedWindowAvailable(spec, state, nowMs) : mismatch(spec, state);
    case 'sliding-log':
      return state.kind === spec.kind ? slidingLogAvailable(spec, state, nowMs) : mismatch(spec, state);
    case 'sliding-counter':
      return state.kind === spec.kind ? slidingCounterAvailable(spec, state, nowMs) : mismatch(spec, state);
    case 'gcra':
      return state.kind === spec.kind ? gcraAvailable(spec, state, nowMs) : mismatch(spec, state);
  }
}

/** The most a limiter can hold at once: capacity, limit, or burst + 1 for GCRA (redis-cell's reported limit). */
export function capacityOf(spec: LimiterSpec): number {
  switch (spec.kind) {
    case 'token-bucket':
    case 'leaky-bucket':
      return spec.capacity;
    case 'fixed-window':
    case 'sliding-log':
    case 'sliding-counter':
      return spec.limit;
    case 'gcra':
      return spec.burst + 1;
  }
}
