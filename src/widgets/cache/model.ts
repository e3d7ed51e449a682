/**
 * Cache replacement simulator (the cache widget's core): replays a trace of keys against a
 * fixed-capacity cache under LRU, FIFO, LFU, random or Belady's optimal (MIN) replacement.
 *
 * Semantics:
 * - demand fetching: every miss inserts the key; when the cache is full one entry is evicted first;
 * - LFU counts accesses since the key entered the cache (so the count restarts after an eviction)
 *   and breaks ties by least recently used;
 * - 'optimal' is Belady's MIN: evict the key whose next use is farthest away (never = farthest);
 * - 'random' evicts a uniformly chosen entry using the seeded generator (default seed 1).
 * A newly inserted key takes the frame (slot) of the key it evicted, as in the textbook frame
 * diagrams (Silberschatz et al., Operating System Concepts, section 9.4), so `frames` reads like
 * those figures.
 *
 * The TTL / stampede model lives in ./stampede.ts and is re-exported here.
 */
import { mulberry32 } from '../shared/random.ts';
import { chooseVictim, type CacheEntry, type CachePolicy } from './policies.ts';

export { CACHE_POLICIES, chooseVictim, type CacheEntry, type CachePolicy, type VictimChoice } from './policies.ts';
export * from './stampede.ts';

export const DEFAULT_CACHE_SEED = 1;

export interface SimulateInput {
  policy: CachePolicy;
  /** Number of entries the cache holds; a non-negative integer (0 caches nothing). */
  capacity: number;
  trace: readonly string[];
  /** Seed for 'random' (other policies never draw). */
  seed?: number;
}

export interface CacheStep {
  /** 0-based position in the trace. */
  index: number;
  key: string;
  hit: boolean;
  /** The key evicted to make room, or null (hit, free frame, or capacity 0). */
  evicted: string | null;
  /** Frame contents after this access; a new key takes its victim's frame. */
  frames: readonly string[];
  /** Bookkeeping of each frame after this access, same order as `frames`. */
  entries: readonly CacheEntry[];
  /** One sentence for learners: what happened and why. */
  explanation: string;
}

export interface SimulateResult {
  hits: number;
  misses: number;
  evictions: number;
  /** hits / trace length; 0 for an empty trace. */
  hitRatio: number;
  steps: CacheStep[];
}

/** For each position, the index of the next access to the same key, or null. */
export function nextUses(trace: readonly string[]): (number | null)[] {
  const next: (number | null)[] = new Array<number | null>(trace.length).fill(null);
  const seen = new Map<string, number>();
  for (let i = trace.length - 1; i >= 0; i--) {
    const key = trace[i]!;
    next[i] = seen.get(key) ?? null;
    seen.set(key, i);
  }
  return next;
}

const POLICY_SET: ReadonlySet<string> = new Set(['lru', 'fifo', 'lfu', 'random', 'optimal']);

export function simulate(input: SimulateInput): SimulateResult {
  const { policy, capacity, trace } = input;
  if (!POLICY_SET.has(policy)) throw new RangeError(`unknown cache policy: ${String(policy)}`);
  if (!Number.isInteger(capacity) || capacity < 0) {
    throw new RangeError(`capacity must be a non-negative integer, got ${capacity}`);
  }
  const rng = mulberry32(input.seed ?? DEFAULT_CACHE_SEED);
  const next = nextUses(trace);
  const frames: CacheEntry[] = [];
  const steps: CacheStep[] = [];
  let hits = 0;
  let misses = 0;
  let evictions = 0;

  for (let i = 0; i < trace.length; i++) {
    const key = trace[i]!;
    const nextUseAt = next[i]!;
    const slot = frames.findIndex((e) => e.key === key);
    let evicted: string | null = null;
    let explanation: string;
    if (slot >= 0) {
      hits++;
      const e = frames[slot]!;
      frames[slot] = { ...e, lastUsedAt: i, count: e.count + 1, nextUseAt };
      explanation = `hit: ${key} is cached`;
    } else {
      misses++;
      const fresh: CacheEntry = { key, insertedAt: i, lastUsedAt: i, count: 1, nextUseAt };
      if (capacity === 0) {
        explanation = `miss: ${key} is fetched but a cache of capacity 0 keeps nothing`;
      } else if (frames.length < capacity) {
        frames.push(fresh);
        explanation = `miss: ${key} goes into a free slot`;
      } else {
        const victim = chooseVictim(policy, frames, rng);
        evicted = frames[victim.slot]!.key;
        evictions++;
        frames[victim.slot] = fresh;
        explanation = `miss: ${key} replaces ${evicted}; ${victim.reason}`;
      }
    }
    steps.push({
      index: i,
      key,
      hit: slot >= 0,
      evicted,
      frames: frames.map((e) => e.key),
      entries: frames.map((e) => ({ ...e })),
      explanation,
    });
  }

  return { hits, misses, evictions, hitRatio: trace.length === 0 ? 0 : hits / trace.length, steps };
}

/** Run every policy on the same trace (same seed for 'random'), for side-by-side comparison. */
export function compareAll(
  capacity: number,
  trace: readonly string[],
  seed?: number,
): Record<CachePolicy, SimulateResult> {
  const run = (policy: CachePolicy): SimulateResult =>
    simulate(seed === undefined ? { policy, capacity, trace } : { policy, capacity, trace, seed });
  return { lru: run('lru'), fifo: run('fifo'), lfu: run('lfu'), random: run('random'), optimal: run('optimal') };
}
