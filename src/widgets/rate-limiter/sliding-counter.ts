/**
 * Sliding window counter (the approximation described in Cloudflare's "Counting things, a lot of
 * different things"): with fixed windows [k*windowMs, (k+1)*windowMs),
 *   estimate = previousWindowCount * (windowMs - elapsedInCurrentWindow) / windowMs + currentWindowCount
 * and a request is allowed iff estimate + cost <= limit. Comparisons are made on estimate × windowMs,
 * which is an integer for integer inputs, so no rounded fraction decides a request.
 */
import { wholeRequests } from './arithmetic.ts';
import { windowIndexAt } from './fixed-window.ts';
import type { SlidingCounterSpec, Step } from './types.ts';

export interface SlidingCounterState {
  readonly kind: 'sliding-counter';
  /** k of the window `current` belongs to; `previous` belongs to window k - 1. */
  readonly windowIndex: number;
  readonly previous: number;
  readonly current: number;
}

export function slidingCounterInitial(): SlidingCounterState {
  return { kind: 'sliding-counter', windowIndex: -Infinity, previous: 0, current: 0 };
}

/** The two counters and the elapsed time as seen from nowMs (older windows count as 0). */
export interface SlidingCounterView {
  readonly windowIndex: number;
  readonly previous: number;
  readonly current: number;
  readonly elapsedMs: number;
}

export function slidingCounterView(spec: SlidingCounterSpec, state: SlidingCounterState, nowMs: number): SlidingCounterView {
  const k = windowIndexAt(spec.windowMs, nowMs);
  const elapsedMs = nowMs - k * spec.windowMs;
  if (state.windowIndex === k) return { windowIndex: k, previous: state.previous, current: state.current, elapsedMs };
  if (state.windowIndex === k - 1) return { windowIndex: k, previous: state.current, current: 0, elapsedMs };
  return { windowIndex: k, previous: 0, current: 0, elapsedMs };
}

/** estimate × windowMs. */
function scaledEstimate(spec: SlidingCounterSpec, v: SlidingCounterView): number {
  return v.previous * (spec.windowMs - v.elapsedMs) + v.current * spec.windowMs;
}

/** The weighted estimate at nowMs (real-valued, never rounded: the request passes only if estimate + cost <= limit). */
export function slidingCounterEstimate(spec: SlidingCounterSpec, state: SlidingCounterState, nowMs: number): number {
  return scaledEstimate(spec, slidingCounterView(spec, state, nowMs)) / spec.windowMs;
}

export function slidingCounterDecide(
  spec: SlidingCounterSpec,
  state: SlidingCounterState,
  nowMs: number,
  cost: number,
): Step<SlidingCounterState> {
  const W = spec.windowMs;
  const v = slidingCounterView(spec, state, nowMs);
  const est = scaledEstimate(spec, v);
  if (est + cost * W <= spec.limit * W) {
    return {
      decision: { allowed: true, remaining: wholeRequests(spec.limit * W - est - cost * W, W), retryAfterMs: 0 },
      state: { kind: 'sliding-counter', windowIndex: v.windowIndex, previous: v.previous, current: v.current + cost },
    };
  }
  return {
    decision: { allowed: false, remaining: wholeRequests(spec.limit * W - est, W), retryAfterMs: slidingCounterRetry(spec, v, cost) },
    state,
  };
}

/**
 * Earliest delay after which estimate + cost <= limit, if nothing else is allowed meanwhile. The estimate only
 * falls with time and is continuous across a window boundary (previous * 0 + current = current * 1 + 0), so it is
 * the first point where one of two linear pieces reaches limit - cost: in this window,
 *   previous * (W - e) / W + current = limit - cost,
 * or else in the next one, where `current` becomes the previous count:
 *   current * (W - e') / W = limit - cost.
 */
function slidingCounterRetry(spec: SlidingCounterSpec, v: SlidingCounterView, cost: number): number {
  const W = spec.windowMs;
  if (cost > spec.limit) return Infinity;
  const toBoundary = W - v.elapsedMs;
  const roomNow = spec.limit - v.current - cost;
  if (v.previous > 0 && roomNow >= 0) return toBoundary - (roomNow * W) / v.previous;
  if (v.current === 0) return toBoundary;
  return toBoundary + Math.max(0, W - ((spec.limit - cost) * W) / v.current);
}

export function slidingCounterAvailable(spec: SlidingCounterSpec, state: SlidingCounterState, nowMs: number): number {
  return spec.limit - slidingCounterEstimate(spec, state, nowMs);
}
