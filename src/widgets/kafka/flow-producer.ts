/**
 * Producers of the flow model: which key each record gets (uniform, Zipf-skewed, a fixed list, or none) and
 * which partition it goes to. Keyed records use partitionForKey (murmur2, as the Java client); keyless ones use
 * the sticky partitioner from partitioner.ts, offered only the partitions that have a leader, as
 * BuiltInPartitioner and StickyPartitionCache are.
 */
import { mulberry32, randomInt } from '../shared/random.ts';
import { createStickyPartitioner, partitionForKey, seededRandomSource, type RandomSource, type StickyPartitioner } from './partitioner.ts';
import type { KeyMode } from './flow-types.ts';

export function keyName(i: number): string {
  return `key-${i}`;
}

/** Cumulative Zipf weights 1/(i+1)^s, normalised to end at 1. */
export function zipfCdf(count: number, exponent: number): number[] {
  const w = Array.from({ length: count }, (_, i) => 1 / Math.pow(i + 1, exponent));
  const total = w.reduce((a, b) => a + b, 0);
  let acc = 0;
  return w.map((x) => (acc += x / total));
}

/** Chooses keys for all producers; a fixed list is cycled across producers in production order. */
export class KeyChooser {
  private cycle = 0;
  private readonly cdf: number[] | null;

  constructor(private readonly mode: KeyMode) {
    this.cdf = mode.kind === 'zipf' ? zipfCdf(mode.count, mode.exponent) : null;
  }

  next(rng: () => number): string | null {
    const m = this.mode;
    switch (m.kind) {
      case 'keyless':
        return null;
      case 'fixed':
        return m.keys[this.cycle++ % m.keys.length]!;
      case 'uniform':
        return keyName(randomInt(rng, m.count));
      case 'zipf': {
        const u = rng();
        const cdf = this.cdf!;
        let i = 0;
        while (i < cdf.length - 1 && u >= cdf[i]!) i++;
        return keyName(i);
      }
    }
  }
}

export class FlowProducer {
  readonly rng: () => number;
  private readonly random: RandomSource;
  private sticky: StickyPartitioner | null = null;
  private layoutSig = '';
  private readonly sequences = new Map<number, number>();
  private carry = 0;
  sent = 0;

  constructor(
    readonly id: string,
    seed: number,
    private readonly mode: KeyMode,
  ) {
    this.rng = mulberry32(seed);
    this.random = seededRandomSource((seed ^ 0x5bd1e995) >>> 0);
  }

  /** How many records this producer sends in a tick of tickMs at `rate` records/s (fractions carry over). */
  due(rate: number, tickMs: number): number {
    this.carry += (rate * tickMs) / 1000;
    const n = Math.floor(this.carry + 1e-9);
    this.carry -= n;
    return n;
  }

  nextSequence(partition: number): number {
    const s = this.sequences.get(partition) ?? 0;
    this.sequences.set(partition, s + 1);
    return s;
  }

  /** The partition for a record: partitionForKey for a key, else the sticky partitioner over the available partitions. */
  partitionFor(key: string | null, numPartitions: number, available: readonly number[]): number {
    if (key !== null) return partitionForKey(key, numPartitions);
    const m = this.mode.kind === 'keyless' ? this.mode : { kind: 'keyless' as const };
    // A metadata change (partitions added, a leader lost or back) gives the partitioner a new layout, as a
    // metadata update does; the random source carries on, so the run stays determined by the seed.
    const sig = `${numPartitions}:${available.join(',')}`;
    if (this.sticky === null || sig !== this.layoutSig) {
      this.layoutSig = sig;
      this.sticky = createStickyPartitioner({
        numPartitions,
        availablePartitions: available,
        mode: m.sticky ?? 'kip-794',
        batchSize: m.batchSize ?? 16384,
        random: this.random,
      });
    }
    return this.sticky.send(m.recordBytes ?? 1000).partition;
  }

  /** linger.ms elapsed: the open batches are sent (the next keyless record on any partition opens a new batch). */
  lingerExpired(): void {
    this.sticky?.lingerExpired();
  }

  stickyPartition(): number | null {
    return this.sticky?.current() ?? null;
  }
}
