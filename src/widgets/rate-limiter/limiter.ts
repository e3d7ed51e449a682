/** createLimiter: a stateful handle over the pure engine, with the contract take(nowMs, cost = 1). */
import { availableAt, capacityOf, decide, initialState, type LimiterState } from './engine.ts';
import type { Decision, LimiterSpec } from './types.ts';
import { validateRequest, validateSpec } from './validate.ts';

export interface Limiter {
  readonly spec: LimiterSpec;
  /** The most the limiter holds at once (capacity, limit, or burst + 1 for GCRA). */
  readonly capacity: number;
  /** Decide one request; allowed requests update the state, denied ones change nothing. */
  take(nowMs: number, cost?: number): Decision;
  /** What take would answer, without changing anything. */
  peek(nowMs: number, cost?: number): Decision;
  /** Real-valued room at nowMs in cost units (see availableAt). */
  available(nowMs: number): number;
  /** The current internal state (immutable snapshot). */
  state(): LimiterState;
}

export function createLimiter(spec: LimiterSpec): Limiter {
  validateSpec(spec);
  let state = initialState(spec);
  // Time of the last allowed request. Only allowed requests move it, so a denial changes nothing at all.
  let lastAllowedMs = -Infinity;

  function check(nowMs: number, cost: number): void {
    validateRequest(nowMs, cost);
    if (nowMs < lastAllowedMs) {
      throw new RangeError(`time went backwards: nowMs ${nowMs} is before the last allowed request at ${lastAllowedMs}`);
    }
  }

  return {
    spec,
    capacity: capacityOf(spec),
    take(nowMs, cost = 1) {
      check(nowMs, cost);
      const step = decide(spec, state, nowMs, cost);
      if (step.decision.allowed) {
        state = step.state;
        lastAllowedMs = nowMs;
      }
      return step.decision;
    },
    peek(nowMs, cost = 1) {
      check(nowMs, cost);
      return decide(spec, state, nowMs, cost).decision;
    },
    available(nowMs) {
      check(nowMs, 0);
      return availableAt(spec, state, nowMs);
    },
    state: () => state,
  };
}
