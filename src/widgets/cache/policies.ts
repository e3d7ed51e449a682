/**
 * Victim selection for the five replacement policies. Each policy looks at the same bookkeeping
 * (when a key entered, when it was last used, how often it was used since it entered, when it is
 * next needed) so the island can show every column while only one of them decides.
 */
import { randomInt } from '../shared/random.ts';

export type CachePolicy = 'lru' | 'fifo' | 'lfu' | 'random' | 'optimal';

export const CACHE_POLICIES: readonly CachePolicy[] = ['lru', 'fifo', 'lfu', 'random', 'optimal'];

/** What the simulator knows about one cached key. Step numbers are 0-based trace indices. */
export interface CacheEntry {
  key: string;
  /** Step at which the key (last) entered the cache. */
  insertedAt: number;
  /** Step of the most recent access (the insertion counts as an access). */
  lastUsedAt: number;
  /** Accesses since the key entered the cache, the insertion included; it restarts after an eviction. */
  count: number;
  /** Step of the key's next access in the trace, or null if it is never accessed again. */
  nextUseAt: number | null;
}

export interface VictimChoice {
  /** Index into the frame array of the entry to evict. */
  slot: number;
  /** A sentence for learners saying why this key was chosen. */
  reason: string;
}

/** Earlier last use wins a tie: the tie-break LFU and OPT share. */
function lessRecentlyUsed(a: CacheEntry, b: CacheEntry): boolean {
  return a.lastUsedAt < b.lastUsedAt;
}

/** Next use as a comparable number: "never again" is farther than any step. */
function nextUseDistance(e: CacheEntry): number {
  return e.nextUseAt === null ? Number.POSITIVE_INFINITY : e.nextUseAt;
}

/**
 * Choose the entry to evict from a full cache (frames is non-empty). `rng` is only consumed by
 * 'random', one draw per eviction, so a seed replays the same evictions.
 */
export function chooseVictim(policy: CachePolicy, frames: readonly CacheEntry[], rng: () => number): VictimChoice {
  if (frames.length === 0) throw new RangeError('chooseVictim needs at least one cached entry');
  if (policy === 'random') {
    const slot = randomInt(rng, frames.length);
    return { slot, reason: `evicted ${frames[slot]!.key}: picked uniformly at random among ${frames.length} entries` };
  }
  let best = 0;
  for (let i = 1; i < frames.length; i++) {
    const e = frames[i]!;
    const b = frames[best]!;
    let better: boolean;
    switch (policy) {
      case 'fifo':
        better = e.insertedAt < b.insertedAt;
        break;
      case 'lru':
        better = lessRecentlyUsed(e, b);
        break;
      case 'lfu':
        // Fewest uses since entering; equal counts fall back to least recently used.
        better = e.count < b.count || (e.count === b.count && lessRecentlyUsed(e, b));
        break;
      case 'optimal': {
        // Belady's MIN: the key needed farthest in the future (or never). Only keys never used
        // again can tie; among them the least recently used goes.
        const de = nextUseDistance(e);
        const db = nextUseDistance(b);
        better = de > db || (de === db && lessRecentlyUsed(e, b));
        break;
      }
    }
    if (better) best = i;
  }
  const v = frames[best]!;
  let reason: string;
  switch (policy) {
    case 'fifo':
      reason = `evicted ${v.key}: it has been in the cache longest (since step ${v.insertedAt})`;
      break;
    case 'lru':
      reason = `evicted ${v.key}: least recently used (last used at step ${v.lastUsedAt})`;
      break;
    case 'lfu':
      reason = `evicted ${v.key}: fewest uses since it entered (${v.count}), least recently used among equals`;
      break;
    case 'optimal':
      reason =
        v.nextUseAt === null
          ? `evicted ${v.key}: it is never needed again`
          : `evicted ${v.key}: it is needed farthest in the future (step ${v.nextUseAt})`;
      break;
  }
  return { slot: best, reason };
}
