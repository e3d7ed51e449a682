/**
 * Sliding log. Every allowed request is logged with its time and cost; a request is allowed iff
 * (summed cost of logged requests with timestamp > nowMs - windowMs) + cost <= limit.
 * Entries that can no longer count are dropped only when a request is allowed (denials change nothing).
 */
import { wholeRequests } from './arithmetic.ts';
import type { SlidingLogSpec, Step } from './types.ts';

export interface LogEntry {
  readonly atMs: number;
  readonly cost: number;
}

export interface SlidingLogState {
  readonly kind: 'sliding-log';
  /** Allowed requests, oldest first. */
  readonly log: readonly LogEntry[];
}

export function slidingLogInitial(): SlidingLogState {
  return { kind: 'sliding-log', log: [] };
}

/** The logged entries still inside the window ending at nowMs (timestamp > nowMs - windowMs). */
export function entriesInWindow(spec: SlidingLogSpec, state: SlidingLogState, nowMs: number): readonly LogEntry[] {
  const from = nowMs - spec.windowMs;
  return state.log.filter((e) => e.atMs > from);
}

function sumCost(entries: readonly LogEntry[]): number {
  let s = 0;
  for (const e of entries) s += e.cost;
  return s;
}

export function slidingLogDecide(
  spec: SlidingLogSpec,
  state: SlidingLogState,
  nowMs: number,
  cost: number,
): Step<SlidingLogState> {
  const live = entriesInWindow(spec, state, nowMs);
  const count = sumCost(live);
  if (count + cost <= spec.limit) {
    return {
      decision: { allowed: true, remaining: wholeRequests(spec.limit - count - cost, 1), retryAfterMs: 0 },
      state: { kind: 'sliding-log', log: [...live, { atMs: nowMs, cost }] },
    };
  }
  // Oldest entries leave the window first: entry e stops counting once now >= e.atMs + windowMs.
  // Wait until enough of them have left to make room for cost.
  let retryAfterMs = Infinity;
  if (cost <= spec.limit) {
    const excess = count + cost - spec.limit;
    let freed = 0;
    for (const e of live) {
      freed += e.cost;
      if (freed >= excess) {
        retryAfterMs = e.atMs + spec.windowMs - nowMs;
        break;
      }
    }
  }
  return { decision: { allowed: false, remaining: wholeRequests(spec.limit - count, 1), retryAfterMs }, state };
}

export function slidingLogAvailable(spec: SlidingLogSpec, state: SlidingLogState, nowMs: number): number {
  return spec.limit - sumCost(entriesInWindow(spec, state, nowMs));
}
