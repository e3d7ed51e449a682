/** Argument checks with messages a learner can act on (the island passes user-entered numbers straight in). */
import type { LimiterSpec } from './types.ts';

function positive(name: string, v: number): void {
  if (!Number.isFinite(v) || v <= 0) throw new RangeError(`${name} must be a positive finite number, got ${v}`);
}

function nonNegative(name: string, v: number): void {
  if (!Number.isFinite(v) || v < 0) throw new RangeError(`${name} must be a finite number >= 0, got ${v}`);
}

/** Throws a RangeError naming the first bad field; returns the spec unchanged when it is valid. */
export function validateSpec<S extends LimiterSpec>(spec: S): S {
  switch (spec.kind) {
    case 'token-bucket':
      positive('capacity', spec.capacity);
      nonNegative('refillPerSec', spec.refillPerSec);
      return spec;
    case 'leaky-bucket':
      positive('capacity', spec.capacity);
      nonNegative('leakPerSec', spec.leakPerSec);
      return spec;
    case 'fixed-window':
    case 'sliding-log':
    case 'sliding-counter':
      positive('limit', spec.limit);
      positive('windowMs', spec.windowMs);
      return spec;
    case 'gcra':
      positive('limit', spec.limit);
      positive('periodMs', spec.periodMs);
      if (!Number.isInteger(spec.burst) || spec.burst < 0) {
        throw new RangeError(`burst must be a whole number >= 0 (redis-cell's max_burst), got ${spec.burst}`);
      }
      return spec;
    default: {
      const unknown: never = spec;
      throw new TypeError(`unknown limiter kind: ${String((unknown as { kind?: unknown }).kind)}`);
    }
  }
}

/** A request's time and cost: finite, cost >= 0 (cost 0 peeks, as in redis-cell). */
export function validateRequest(nowMs: number, cost: number): void {
  if (!Number.isFinite(nowMs)) throw new RangeError(`nowMs must be a finite number of milliseconds, got ${nowMs}`);
  nonNegative('cost', cost);
}
