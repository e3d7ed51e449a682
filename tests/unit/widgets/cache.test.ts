import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CACHE_POLICIES, compareAll, nextUses, simulate, type CachePolicy } from '../../../src/widgets/cache/model.ts';

const keys = (s: string): string[] => s.split(',');

/**
 * The reference string of Silberschatz, Galvin, Gagne, Operating System Concepts (9th ed.), section 9.4
 * (Figures 9.12, 9.14, 9.15), three frames, initially empty: FIFO 15 faults, OPT 9, LRU 12.
 */
const SILBERSCHATZ = keys('7,0,1,2,0,3,0,4,2,3,0,3,2,1,2,0,1,7,0,1');

/** Belady's anomaly string (Silberschatz section 9.4.2, Figure 9.13; Belady, Nelson, Shedler, CACM 1969). */
const BELADY = keys('1,2,3,4,1,2,5,1,2,3,4,5');

const evictedOf = (policy: CachePolicy, capacity: number, trace: string[]): string[] =>
  simulate({ policy, capacity, trace }).steps.flatMap((s) => (s.evicted === null ? [] : [s.evicted]));

describe('textbook traces (Silberschatz, Operating System Concepts, 9.4)', () => {
  it('FIFO: 15 faults with 3 frames, frames as in Figure 9.12', () => {
    const r = simulate({ policy: 'fifo', capacity: 3, trace: SILBERSCHATZ });
    expect(r.misses).toBe(15);
    expect(r.hits).toBe(5);
    expect(r.evictions).toBe(12);
    expect(r.hitRatio).toBe(5 / 20);
    // Queue order worked by hand: each fault replaces the page that arrived earliest.
    expect(evictedOf('fifo', 3, SILBERSCHATZ)).toEqual(keys('7,0,1,2,3,0,4,2,3,0,1,2'));
    // The new page takes its victim's frame, so the frame columns read like the figure.
    const frameCols = r.steps.filter((s) => !s.hit).map((s) => s.frames.join(''));
    expect(frameCols).toEqual([
      '7', '70', '701', '201', '231', '230', '430', '420', '423', '023', '013', '012', '712', '702', '701',
    ]);
  });

  it('OPT (Belady MIN): 9 faults with 3 frames, victims as in Figure 9.14', () => {
    const r = simulate({ policy: 'optimal', capacity: 3, trace: SILBERSCHATZ });
    expect(r.misses).toBe(9);
    expect(r.hits).toBe(11);
    // Hand-worked: 7 (next use 17) at step 3; 1 at 5; 0 at 7; 4 (never again) at 10; 3 (never) at 13; 2 (never) at 17.
    expect(evictedOf('optimal', 3, SILBERSCHATZ)).toEqual(keys('7,1,0,4,3,2'));
    expect(r.steps[19]!.frames).toEqual(['7', '0', '1']);
  });

  it('LRU: 12 faults with 3 frames, victims as in Figure 9.15', () => {
    const r = simulate({ policy: 'lru', capacity: 3, trace: SILBERSCHATZ });
    expect(r.misses).toBe(12);
    expect(r.hits).toBe(8);
    expect(evictedOf('lru', 3, SILBERSCHATZ)).toEqual(keys('7,1,2,3,0,4,0,3,2'));
  });

  it("FIFO shows Belady's anomaly: 9 faults with 3 frames, 10 with 4", () => {
    // Hit/miss per reference as on the JHU CS418 slide (cs.jhu.edu/~yairamir/cs418/os6/tsld016.htm).
    const three = simulate({ policy: 'fifo', capacity: 3, trace: BELADY });
    const four = simulate({ policy: 'fifo', capacity: 4, trace: BELADY });
    expect(three.misses).toBe(9);
    expect(four.misses).toBe(10);
    expect(three.steps.map((s) => (s.hit ? 'h' : 'm')).join('')).toBe('mmmmmmmhhmmh');
    expect(four.steps.map((s) => (s.hit ? 'h' : 'm')).join('')).toBe('mmmmhhmmmmmm');
  });

  it('LRU and OPT (stack algorithms) have no anomaly on the Belady string', () => {
    // Hand-worked: LRU 10 faults with 3 frames, 8 with 4; OPT 7 with 3, 6 with 4.
    expect(simulate({ policy: 'lru', capacity: 3, trace: BELADY }).misses).toBe(10);
    expect(simulate({ policy: 'lru', capacity: 4, trace: BELADY }).misses).toBe(8);
    expect(simulate({ policy: 'optimal', capacity: 3, trace: BELADY }).misses).toBe(7);
    expect(simulate({ policy: 'optimal', capacity: 4, trace: BELADY }).misses).toBe(6);
  });
});

describe('LFU (counts since entry, reset on eviction, ties by LRU)', () => {
  it('evicts the less frequently used key where LRU would evict the older one', () => {
    const trace = keys('A,A,B,C');
    expect(evictedOf('lfu', 2, trace)).toEqual(['B']); // A used twice, B once
    expect(evictedOf('lru', 2, trace)).toEqual(['A']); // A last used at step 1, B at step 2
  });

  it('breaks a frequency tie by least recently used', () => {
    expect(evictedOf('lfu', 2, keys('A,B,C'))).toEqual(['A']);
    expect(evictedOf('lfu', 2, keys('B,A,C'))).toEqual(['B']);
    // Equal counts of 2: A last used at step 2, B at step 3.
    expect(evictedOf('lfu', 2, keys('A,B,A,B,C'))).toEqual(['A']);
  });

  it('restarts the count of a key that was evicted and comes back', () => {
    // Hand-worked, capacity 2:
    // 0 A miss (A1) | 1,2 A hits (A3) | 3 B miss (B1) | 4-6 B hits (B4) | 7 C miss: evict A (3 < 4)
    // 8 C hit (C2) | 9 A miss: evict C (2 < 4), A re-enters with count 1, not 4
    // 10 C miss: evict A (1 < 4). Had A kept its old count (4), the tie with B would evict B instead.
    const trace = keys('A,A,A,B,B,B,B,C,C,A,C');
    const r = simulate({ policy: 'lfu', capacity: 2, trace });
    expect(evictedOf('lfu', 2, trace)).toEqual(['A', 'C', 'A']);
    expect(r.hits).toBe(6);
    expect(r.misses).toBe(5);
    expect(r.steps[9]!.entries.find((e) => e.key === 'A')!.count).toBe(1);
    expect(r.steps[10]!.frames).toEqual(['C', 'B']);
  });
});

describe('simulate details', () => {
  it('OPT breaks a tie between keys never used again by least recently used', () => {
    expect(evictedOf('optimal', 2, keys('A,B,C'))).toEqual(['A']);
    expect(evictedOf('optimal', 2, keys('B,A,B,A,C'))).toEqual(['B']);
  });

  it('nextUses gives each access the index of the next access to the same key', () => {
    expect(nextUses(keys('a,b,a,c,b'))).toEqual([2, 4, null, null, null]);
  });

  it('random eviction is reproducible from the seed and changes with it', () => {
    const trace = Array.from({ length: 200 }, (_, i) => String((i * 7919) % 13));
    const a = simulate({ policy: 'random', capacity: 4, trace, seed: 42 });
    expect(simulate({ policy: 'random', capacity: 4, trace, seed: 42 })).toEqual(a);
    const victims = (seed: number): string =>
      simulate({ policy: 'random', capacity: 4, trace, seed }).steps.map((s) => s.evicted).join();
    expect([1, 2, 3, 4, 5].some((seed) => victims(seed) !== victims(42))).toBe(true);
  });

  it('capacity 0 caches nothing; an empty trace has ratio 0', () => {
    const r = simulate({ policy: 'lru', capacity: 0, trace: keys('a,a,a') });
    expect([r.hits, r.misses, r.evictions]).toEqual([0, 3, 0]);
    expect(simulate({ policy: 'fifo', capacity: 2, trace: [] })).toEqual({ hits: 0, misses: 0, evictions: 0, hitRatio: 0, steps: [] });
  });

  it('rejects bad capacities and policies', () => {
    expect(() => simulate({ policy: 'lru', capacity: -1, trace: [] })).toThrow(RangeError);
    expect(() => simulate({ policy: 'lru', capacity: 1.5, trace: [] })).toThrow(RangeError);
    expect(() => simulate({ policy: 'mru' as CachePolicy, capacity: 1, trace: [] })).toThrow(RangeError);
  });

  it('explains each step', () => {
    const s = simulate({ policy: 'lru', capacity: 1, trace: keys('x,x,y') }).steps;
    expect(s.map((x) => x.explanation)).toEqual([
      'miss: x goes into a free slot',
      'hit: x is cached',
      'miss: y replaces x; evicted x: least recently used (last used at step 1)',
    ]);
  });

  it('compareAll runs every policy on the same trace', () => {
    const all = compareAll(3, SILBERSCHATZ);
    expect([all.fifo.misses, all.lru.misses, all.optimal.misses]).toEqual([15, 12, 9]);
  });
});

// ---- properties ----

const traceArb = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 60 });
const policyArb = fc.constantFrom(...CACHE_POLICIES);
const capArb = fc.integer({ min: 0, max: 6 });
const seedArb = fc.integer({ min: 0, max: 0xffffffff });

/** Exhaustive minimum number of misses over every possible eviction choice (a reference for MIN). */
function bruteForceMinMisses(trace: readonly string[], capacity: number): number {
  const memo = new Map<string, number>();
  const go = (i: number, cache: readonly string[]): number => {
    if (i === trace.length) return 0;
    const memoKey = `${i}|${[...cache].sort().join(',')}`;
    const known = memo.get(memoKey);
    if (known !== undefined) return known;
    const key = trace[i]!;
    let best: number;
    if (cache.includes(key)) best = go(i + 1, cache);
    else if (capacity === 0) best = 1 + go(i + 1, cache);
    else if (cache.length < capacity) best = 1 + go(i + 1, [...cache, key]);
    else best = 1 + Math.min(...cache.map((_, v) => go(i + 1, cache.map((k, j) => (j === v ? key : k)))));
    memo.set(memoKey, best);
    return best;
  };
  return go(0, []);
}

describe('properties', () => {
  it('hits + misses = trace length; evictions = misses that found the cache full', () => {
    fc.assert(
      fc.property(policyArb, capArb, traceArb, seedArb, (policy, capacity, trace, seed) => {
        const r = simulate({ policy, capacity, trace, seed });
        expect(r.hits + r.misses).toBe(trace.length);
        const finalSize = r.steps.at(-1)?.frames.length ?? 0;
        expect(r.evictions).toBe(capacity === 0 ? 0 : r.misses - finalSize);
      }),
    );
  });

  it('the cache never exceeds its capacity, holds no duplicates, and hits exactly when the key was cached', () => {
    fc.assert(
      fc.property(policyArb, capArb, traceArb, seedArb, (policy, capacity, trace, seed) => {
        let before: readonly string[] = [];
        for (const s of simulate({ policy, capacity, trace, seed }).steps) {
          expect(s.frames.length).toBeLessThanOrEqual(capacity);
          expect(new Set(s.frames).size).toBe(s.frames.length);
          expect(s.hit).toBe(before.includes(s.key));
          if (capacity > 0) expect(s.frames).toContain(s.key);
          before = s.frames;
        }
      }),
    );
  });

  it('OPT gets at least as many hits as every other policy on any trace', () => {
    fc.assert(
      fc.property(capArb, traceArb, seedArb, (capacity, trace, seed) => {
        const all = compareAll(capacity, trace, seed);
        for (const p of CACHE_POLICIES) expect(all.optimal.hits).toBeGreaterThanOrEqual(all[p].hits);
      }),
    );
  });

  it('OPT equals the exhaustive optimum on small traces', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 12 }),
        (capacity, trace) => {
          expect(simulate({ policy: 'optimal', capacity, trace }).misses).toBe(bruteForceMinMisses(trace, capacity));
        },
      ),
    );
  });

  it('LRU and OPT never get fewer hits with more capacity (no Belady anomaly)', () => {
    fc.assert(
      fc.property(fc.constantFrom<CachePolicy>('lru', 'optimal'), capArb, traceArb, (policy, capacity, trace) => {
        const small = simulate({ policy, capacity, trace });
        const big = simulate({ policy, capacity: capacity + 1, trace });
        expect(big.hits).toBeGreaterThanOrEqual(small.hits);
      }),
    );
  });

  it('is deterministic for a seed', () => {
    fc.assert(
      fc.property(policyArb, capArb, traceArb, seedArb, (policy, capacity, trace, seed) => {
        expect(simulate({ policy, capacity, trace, seed })).toEqual(simulate({ policy, capacity, trace, seed }));
      }),
    );
  });
});
