/**
 * Rate-limiter widget model: createLimiter(spec).take(nowMs, cost = 1) and simulateTraffic(spec, arrivals).
 * Pure and deterministic: time comes in as numbers, nothing reads a clock or a random source.
 * The algorithms live one per file; this module is the public entry point.
 */
export type {
  Decision,
  FixedWindowSpec,
  GcraSpec,
  LeakyBucketSpec,
  LimiterKind,
  LimiterSpec,
  SlidingCounterSpec,
  SlidingLogSpec,
  Step,
  TokenBucketSpec,
} from './types.ts';
export { createLimiter, type Limiter } from './limiter.ts';
export {
  simulateTraffic,
  MAX_SAMPLES,
  type Arrival,
  type SeriesPoint,
  type SimulatedRequest,
  type SimulationOptions,
  type SimulationResult,
} from './simulate.ts';
export { availableAt, capacityOf, decide, initialState, type LimiterState } from './engine.ts';
export { validateSpec } from './validate.ts';
export type { TokenBucketState } from './token-bucket.ts';
export type { LeakyBucketState } from './leaky-bucket.ts';
export { leakyBucketLevel } from './leaky-bucket.ts';
export type { FixedWindowState } from './fixed-window.ts';
export type { LogEntry, SlidingLogState } from './sliding-log.ts';
export { slidingCounterEstimate, type SlidingCounterState } from './sliding-counter.ts';
export { gcraEmissionIntervalMs, gcraResetAfterMs, gcraTatMs, type GcraState } from './gcra.ts';
