/**
 * simulateTraffic: replay a list of arrivals through one limiter and return every decision plus a time series
 * of the limiter's room (what the island plots). Pure and deterministic: the same input gives the same output.
 */
import { availableAt, capacityOf, decide, initialState, type LimiterState } from './engine.ts';
import type { Decision, LimiterSpec } from './types.ts';
import { validateRequest, validateSpec } from './validate.ts';

/** An arrival time in ms, or a time with a cost (default 1). */
export type Arrival = number | { readonly atMs: number; readonly cost?: number };

export interface SimulationOptions {
  /** Add a series point every sampleEveryMs between fromMs and untilMs (default: 100 steps over that span). */
  readonly sampleEveryMs?: number;
  /** Start of the sampled span (default: the first arrival, or 0). */
  readonly fromMs?: number;
  /** End of the sampled span (default: the last arrival). */
  readonly untilMs?: number;
}

export interface SimulatedRequest extends Decision {
  /** Position of the arrival in the input list (arrivals are replayed in time order, ties in input order). */
  readonly index: number;
  readonly atMs: number;
  readonly cost: number;
  /** Real-valued room just after the decision. */
  readonly availableAfter: number;
}

export interface SeriesPoint {
  readonly atMs: number;
  /** Real-valued room in cost units (availableAt), between 0 and capacity. */
  readonly available: number;
}

export interface SimulationResult {
  readonly spec: LimiterSpec;
  readonly capacity: number;
  /** Decisions in replay (time) order. */
  readonly requests: readonly SimulatedRequest[];
  /** Samples plus, at every arrival, the room just before and just after it (a step chart), in time order. */
  readonly series: readonly SeriesPoint[];
  readonly allowedCount: number;
  readonly deniedCount: number;
  readonly allowedCost: number;
  readonly deniedCost: number;
  readonly finalState: LimiterState;
}

/** Cap on sampled points, so a typo in sampleEveryMs cannot freeze the page. */
export const MAX_SAMPLES = 100_000;

interface NormalisedArrival {
  readonly index: number;
  readonly atMs: number;
  readonly cost: number;
}

function normalise(arrivals: readonly Arrival[]): NormalisedArrival[] {
  const list = arrivals.map((a, index) => {
    const atMs = typeof a === 'number' ? a : a.atMs;
    const cost = typeof a === 'number' ? 1 : (a.cost ?? 1);
    validateRequest(atMs, cost);
    return { index, atMs, cost };
  });
  // Array.prototype.sort is stable, so simultaneous arrivals keep their input order.
  return list.sort((a, b) => a.atMs - b.atMs);
}

function sampleTimes(arrivals: readonly NormalisedArrival[], options: SimulationOptions): number[] {
  const from = options.fromMs ?? arrivals[0]?.atMs ?? 0;
  const until = options.untilMs ?? arrivals[arrivals.length - 1]?.atMs ?? from;
  if (!Number.isFinite(from) || !Number.isFinite(until) || until < from) {
    throw new RangeError(`the sampled span must be finite with fromMs <= untilMs, got ${from}..${until}`);
  }
  if (until === from) return [from];
  const step = options.sampleEveryMs ?? (until - from) / 100;
  if (!Number.isFinite(step) || step <= 0) throw new RangeError(`sampleEveryMs must be a positive number, got ${step}`);
  const n = Math.floor((until - from) / step);
  if (n > MAX_SAMPLES) throw new RangeError(`${n} samples requested; at most ${MAX_SAMPLES}`);
  // from + i * step (not repeated addition), so sample times do not drift.
  const times = Array.from({ length: n + 1 }, (_, i) => from + i * step);
  if (times[times.length - 1] !== until) times.push(until);
  return times;
}

export function simulateTraffic(
  spec: LimiterSpec,
  arrivals: readonly Arrival[],
  options: SimulationOptions = {},
): SimulationResult {
  validateSpec(spec);
  const ordered = normalise(arrivals);
  const samples = sampleTimes(ordered, options);
  let state = initialState(spec);
  const requests: SimulatedRequest[] = [];
  const series: SeriesPoint[] = [];
  let allowedCount = 0;
  let allowedCost = 0;
  let deniedCost = 0;
  let s = 0;
  for (const a of ordered) {
    // Samples at or before this arrival see the state before it.
    for (; s < samples.length && samples[s]! <= a.atMs; s++) {
      series.push({ atMs: samples[s]!, available: availableAt(spec, state, samples[s]!) });
    }
    series.push({ atMs: a.atMs, available: availableAt(spec, state, a.atMs) });
    const step = decide(spec, state, a.atMs, a.cost);
    state = step.state;
    const availableAfter = availableAt(spec, state, a.atMs);
    series.push({ atMs: a.atMs, available: availableAfter });
    requests.push({ ...step.decision, index: a.index, atMs: a.atMs, cost: a.cost, availableAfter });
    if (step.decision.allowed) {
      allowedCount++;
      allowedCost += a.cost;
    } else {
      deniedCost += a.cost;
    }
  }
  for (; s < samples.length; s++) series.push({ atMs: samples[s]!, available: availableAt(spec, state, samples[s]!) });
  return {
    spec,
    capacity: capacityOf(spec),
    requests,
    series,
    allowedCount,
    deniedCount: requests.length - allowedCount,
    allowedCost,
    deniedCost,
    finalState: state,
  };
}
