/**
 * Fixed window counter. Windows are [k*windowMs, (k+1)*windowMs); a request is allowed iff
 * count in the current window + cost <= limit. A denied request waits for the next window, whose count is 0.
 */
import { wholeRequests } from './arithmetic.ts';
import type { FixedWindowSpec, Step } from './types.ts';

export interface FixedWindowState {
  readonly kind: 'fixed-window';
  /** k of the window the count belongs to. */
  readonly windowIndex: number;
  /** Summed cost of the allowed requests in window k. */
  readonly count: number;
}

export function fixedWindowInitial(): FixedWindowState {
  return { kind: 'fixed-window', windowIndex: -Infinity, count: 0 };
}

/** Index k of the window containing nowMs. */
export function windowIndexAt(windowMs: number, nowMs: number): number {
  return Math.floor(nowMs / windowMs);
}

/** Count in the window containing nowMs. */
export function fixedWindowCountAt(spec: FixedWindowSpec, state: FixedWindowState, nowMs: number): number {
  return state.windowIndex === windowIndexAt(spec.windowMs, nowMs) ? state.count : 0;
}

export function fixedWindowDecide(
  spec: FixedWindowSpec,
  state: FixedWindowState,
  nowMs: number,
  cost: number,
): Step<FixedWindowState> {
  const k = windowIndexAt(spec.windowMs, nowMs);
  const count = fixedWindowCountAt(spec, state, nowMs);
  if (count + cost <= spec.limit) {
    const next = count + cost;
    return {
      decision: { allowed: true, remaining: wholeRequests(spec.limit - next, 1), retryAfterMs: 0 },
      state: { kind: 'fixed-window', windowIndex: k, count: next },
    };
  }
  const retryAfterMs = cost > spec.limit ? Infinity : (k + 1) * spec.windowMs - nowMs;
  return { decision: { allowed: false, remaining: wholeRequests(spec.limit - count, 1), retryAfterMs }, state };
}

export function fixedWindowAvailable(spec: FixedWindowSpec, state: FixedWindowState, nowMs: number): number {
  return spec.limit - fixedWindowCountAt(spec, state, nowMs);
}
