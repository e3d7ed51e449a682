/**
 * Token bucket. The bucket starts full at the first call; before each decision
 *   tokens = min(capacity, tokens + elapsedMs * refillPerSec / 1000)
 * and a request is allowed iff tokens >= cost, then tokens -= cost.
 * State is kept in milli-tokens (tokens × 1000) so elapsedMs * refillPerSec is added without dividing.
 * Denied requests return the previous state unchanged: refilling lazily from the last allowed request
 * gives the same tokens as refilling at every call, because min(c, min(c, x + a) + b) = min(c, x + a + b).
 */
import { wholeRequests } from './arithmetic.ts';
import type { Step, TokenBucketSpec } from './types.ts';

export interface TokenBucketState {
  readonly kind: 'token-bucket';
  /** Tokens × 1000 at atMs; null before the first allowed request (the bucket is then full). */
  readonly milliTokens: number | null;
  readonly atMs: number;
}

export function tokenBucketInitial(): TokenBucketState {
  return { kind: 'token-bucket', milliTokens: null, atMs: 0 };
}

/** Milli-tokens in the bucket at nowMs (refilled, capped), before any decision. */
export function tokenBucketMilliTokensAt(spec: TokenBucketSpec, state: TokenBucketState, nowMs: number): number {
  const full = spec.capacity * 1000;
  if (state.milliTokens === null) return full;
  return Math.min(full, state.milliTokens + (nowMs - state.atMs) * spec.refillPerSec);
}

export function tokenBucketDecide(
  spec: TokenBucketSpec,
  state: TokenBucketState,
  nowMs: number,
  cost: number,
): Step<TokenBucketState> {
  const milliTokens = tokenBucketMilliTokensAt(spec, state, nowMs);
  const milliCost = cost * 1000;
  if (milliTokens >= milliCost) {
    const left = milliTokens - milliCost;
    return {
      decision: { allowed: true, remaining: wholeRequests(left, 1000), retryAfterMs: 0 },
      state: { kind: 'token-bucket', milliTokens: left, atMs: nowMs },
    };
  }
  // Tokens grow by refillPerSec per 1000 ms, so the deficit (in milli-tokens) takes deficit / refillPerSec ms.
  // A cost above capacity can never fit, nor can anything when the bucket never refills.
  const retryAfterMs = cost > spec.capacity || spec.refillPerSec === 0 ? Infinity : (milliCost - milliTokens) / spec.refillPerSec;
  return {
    decision: { allowed: false, remaining: wholeRequests(milliTokens, 1000), retryAfterMs },
    state,
  };
}

/** Tokens available at nowMs (real-valued), for gauges and time series. */
export function tokenBucketAvailable(spec: TokenBucketSpec, state: TokenBucketState, nowMs: number): number {
  return tokenBucketMilliTokensAt(spec, state, nowMs) / 1000;
}
