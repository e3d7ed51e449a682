/**
 * Kafka's producer-side partitioning, transliterated from the Java client so that learners see the
 * same partition numbers a real producer would choose.
 *
 * Sources (apache/kafka):
 * - clients/src/main/java/org/apache/kafka/common/utils/Utils.java (murmur2, toPositive)
 * - clients/src/main/java/org/apache/kafka/clients/producer/internals/BuiltInPartitioner.java
 *   (partitionForKey; KIP-794 "uniform sticky" switching, Kafka 3.3+) and RecordAccumulator.append
 *   (enableSwitch = allBatchesFull(dq))
 * - clients/src/main/java/org/apache/kafka/clients/producer/internals/StickyPartitionCache.java
 *   and KafkaProducer.doSend's abortForNewBatch retry (KIP-480 sticky partitioner, Kafka 2.4 to 3.2)
 *
 * Not modelled: KIP-794's adaptive load statistics (partitioner.adaptive.partitioning.enable uses queue sizes
 * the model does not have), record/batch header overhead (sizes here are plain byte counts), compression.
 */
import { mulberry32, randomInt } from '../shared/random.ts';

/**
 * UTF-8 bytes of a string, as Java's String.getBytes(StandardCharsets.UTF_8) (used by Kafka's StringSerializer)
 * produces them. Identical to TextEncoder except for lone surrogates: Java writes its replacement byte '?' (0x3F)
 * where TextEncoder writes U+FFFD (EF BF BD), and the key's hash would differ.
 */
export function utf8(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
        out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
      } else {
        out.push(0x3f); // lone surrogate: Java's replacement byte
      }
    } else if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return Uint8Array.from(out);
}

/**
 * Kafka's Utils.murmur2: 32-bit MurmurHash2 with seed 0x9747b28c, returned as a signed 32-bit integer
 * exactly as the Java method returns an int. Math.imul reproduces Java's wrapping int multiplication;
 * `>>>` is Java's unsigned shift; `| 0` keeps every intermediate a signed int32 like Java's `int`.
 */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  const seed = 0x9747b28c;
  // 'm' and 'r' are Murmur's mixing constants.
  const m = 0x5bd1e995;
  const r = 24;

  let h = (seed ^ length) | 0;
  const length4 = Math.floor(length / 4);

  for (let i = 0; i < length4; i++) {
    const i4 = i * 4;
    // Little-endian 4-byte block; `+` of the shifted bytes as in Java, wrapped to int32.
    let k =
      ((data[i4]! & 0xff) + ((data[i4 + 1]! & 0xff) << 8) + ((data[i4 + 2]! & 0xff) << 16) + ((data[i4 + 3]! & 0xff) << 24)) | 0;
    k = Math.imul(k, m);
    k ^= k >>> r;
    k = Math.imul(k, m);
    h = Math.imul(h, m);
    h ^= k;
  }

  // The Java switch falls through: case 3 also runs cases 2 and 1.
  const tail = length & ~3;
  const rest = length % 4;
  if (rest === 3) h ^= (data[tail + 2]! & 0xff) << 16;
  if (rest >= 2) h ^= (data[tail + 1]! & 0xff) << 8;
  if (rest >= 1) {
    h ^= data[tail]! & 0xff;
    h = Math.imul(h, m);
  }

  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return h | 0;
}

/** Kafka's Utils.toPositive: clears the sign bit (not Math.abs, which would overflow on Integer.MIN_VALUE). */
export function toPositive(n: number): number {
  return n & 0x7fffffff;
}

function checkPartitionCount(numPartitions: number): void {
  if (!Number.isInteger(numPartitions) || numPartitions < 1) {
    throw new RangeError(`numPartitions must be a positive integer, got ${numPartitions}`);
  }
}

/**
 * BuiltInPartitioner.partitionForKey: toPositive(murmur2(serializedKey)) % numPartitions.
 * A string key is serialized as UTF-8, as the default StringSerializer does.
 */
export function partitionForKey(key: string | Uint8Array, numPartitions: number): number {
  checkPartitionCount(numPartitions);
  const bytes = typeof key === 'string' ? utf8(key) : key;
  return toPositive(murmur2(bytes)) % numPartitions;
}

/** Everything the island may want to show about one keyed record's placement. */
export interface KeyedPlacement {
  key: string;
  bytes: number[];
  hash: number;
  positiveHash: number;
  partition: number;
}

export function explainKeyedPlacement(key: string, numPartitions: number): KeyedPlacement {
  checkPartitionCount(numPartitions);
  const bytes = utf8(key);
  const hash = murmur2(bytes);
  return { key, bytes: [...bytes], hash, positiveHash: toPositive(hash), partition: toPositive(hash) % numPartitions };
}

// ---------------------------------------------------------------------------------------------
// Keyless records: the sticky partitioner.
// ---------------------------------------------------------------------------------------------

/**
 * Replaces Kafka's Utils.toPositive(ThreadLocalRandom.current().nextInt()): must return a non-negative integer.
 * BuiltInPartitionerTest mocks it with 0, 1, 2, ... (BuiltInPartitioner.mockRandom) to make switching
 * deterministic; the widget passes a seeded source instead.
 */
export type RandomSource = () => number;

/** A seeded stand-in for toPositive(ThreadLocalRandom.nextInt()): uniform integers in [0, 2^31). */
export function seededRandomSource(seed: number): RandomSource {
  const rng = mulberry32(seed);
  return () => randomInt(rng, 0x80000000);
}

/** What the partitioner sees of the cluster metadata for one topic. */
export interface TopicLayout {
  numPartitions: number;
  /**
   * Partitions that currently have a leader, in the order Cluster.availablePartitionsForTopic lists them
   * (the order matters: Kafka indexes this list with random % size). Defaults to 0..numPartitions-1.
   */
  availablePartitions?: readonly number[];
}

function availableOf(layout: TopicLayout): number[] {
  checkPartitionCount(layout.numPartitions);
  const all = Array.from({ length: layout.numPartitions }, (_, i) => i);
  return (layout.availablePartitions ?? all).filter((p) => Number.isInteger(p) && p >= 0 && p < layout.numPartitions);
}

function checkedRandom(random: RandomSource): number {
  const r = random();
  if (!Number.isInteger(r) || r < 0) throw new RangeError(`random source must return a non-negative integer, got ${r}`);
  return r;
}

/** KIP-480 (Kafka 2.4 to 3.2): StickyPartitionCache for one topic. */
export interface StickyPartitionCache {
  /** StickyPartitionCache.partition: the cached sticky partition, choosing one on first use. */
  partition(): number;
  /**
   * StickyPartitionCache.nextPartition: switch only if prevPartition is the current sticky partition (or none is
   * set); with two or more available partitions the new one always differs from the old one.
   */
  nextPartition(prevPartition: number): number;
  /** The cached partition without choosing one (null before first use). */
  peek(): number | null;
}

export function createStickyPartitionCache(layout: TopicLayout, random: RandomSource): StickyPartitionCache {
  const available = availableOf(layout);
  let indexCache: number | null = null;

  function nextPartition(prevPartition: number): number {
    const oldPart = indexCache;
    if (oldPart === null || oldPart === prevPartition) {
      let newPart: number | null = oldPart;
      if (available.length < 1) {
        newPart = checkedRandom(random) % layout.numPartitions;
      } else if (available.length === 1) {
        newPart = available[0]!;
      } else {
        while (newPart === null || newPart === oldPart) newPart = available[checkedRandom(random) % available.length]!;
      }
      indexCache = newPart;
    }
    return indexCache!;
  }

  return {
    partition: () => indexCache ?? nextPartition(-1),
    nextPartition,
    peek: () => indexCache,
  };
}

/** KIP-794 (Kafka 3.3+): BuiltInPartitioner for one topic, without adaptive load stats. */
export interface BuiltInStickyPartitioner {
  /** peekCurrentPartitionInfo().partition(): chooses a partition on first use. */
  peekCurrentPartition(): number;
  /**
   * updatePartitionInfo: add the appended bytes and switch once stickyBatchSize bytes were produced and switching
   * is enabled, or unconditionally once 2 * stickyBatchSize were produced. Returns true if it switched.
   */
  updatePartitionInfo(appendedBytes: number, enableSwitch?: boolean): boolean;
  /** Bytes produced to the current sticky partition since it was chosen. */
  producedBytes(): number;
}

export function createBuiltInPartitioner(
  layout: TopicLayout & { stickyBatchSize: number },
  random: RandomSource,
): BuiltInStickyPartitioner {
  const { stickyBatchSize } = layout;
  if (!Number.isInteger(stickyBatchSize) || stickyBatchSize < 1) {
    // Same check and message as the Java constructor (BuiltInPartitionerTest.testStickyBatchSizeMoreThatZero).
    throw new RangeError(`stickyBatchSize must be >= 1 but got ${stickyBatchSize}`);
  }
  const available = availableOf(layout);
  let sticky: { partition: number; producedBytes: number } | null = null;

  /** BuiltInPartitioner.nextPartition with partitionLoadStats == null: uniform over available partitions. */
  function nextPartition(): number {
    const r = checkedRandom(random);
    if (available.length > 0) return available[r % available.length]!;
    return r % layout.numPartitions; // no leader anywhere: "just pick one among all partitions"
  }

  function current(): { partition: number; producedBytes: number } {
    if (sticky === null) sticky = { partition: nextPartition(), producedBytes: 0 };
    return sticky;
  }

  return {
    peekCurrentPartition: () => current().partition,
    updatePartitionInfo(appendedBytes: number, enableSwitch = true): boolean {
      const info = current();
      info.producedBytes += appendedBytes;
      if ((info.producedBytes >= stickyBatchSize && enableSwitch) || info.producedBytes >= stickyBatchSize * 2) {
        sticky = { partition: nextPartition(), producedBytes: 0 };
        return true;
      }
      return false;
    },
    producedBytes: () => sticky?.producedBytes ?? 0,
  };
}

// ---------------------------------------------------------------------------------------------
// A producer's keyless sends: partitioner + the accumulator's open batches.
// ---------------------------------------------------------------------------------------------

/**
 * 'kip-480' (Kafka 2.4 to 3.2, DefaultPartitioner + StickyPartitionCache): keep sending to one partition and
 * switch to a *different* random available partition whenever a record would need a new batch.
 * 'kip-794' (Kafka 3.3+, BuiltInPartitioner without adaptive load stats): switch after batch.size bytes were
 * produced to the current partition (once its batch is full, or unconditionally at twice batch.size); the next
 * partition is drawn uniformly from the available ones and may be the same one again.
 */
export type StickyMode = 'kip-480' | 'kip-794';

export interface StickyPartitionerOptions extends TopicLayout {
  mode?: StickyMode;
  /** batch.size in bytes (Kafka's default is 16384). With the default record size of 1 it reads as records. */
  batchSize?: number;
  /** Seed for the default random source (mulberry32). */
  seed?: number;
  /** Overrides the seeded source, as BuiltInPartitioner.mockRandom does in Kafka's tests. */
  random?: RandomSource;
}

export interface KeylessSend {
  /** Partition the record was appended to. */
  partition: number;
  /** True when the record opened a new batch. */
  newBatch: boolean;
  /** True when placing this record changed the sticky partition (KIP-480: before the append; KIP-794: after it). */
  switched: boolean;
  /** The sticky partition the next keyless record will be offered to. */
  nextSticky: number;
}

export interface StickyPartitioner {
  readonly mode: StickyMode;
  /** The partition the next keyless record would be offered to, null before the first record. */
  current(): number | null;
  /** Partition one keyless record of `sizeBytes` bytes (default 1). */
  send(sizeBytes?: number): KeylessSend;
  /** linger.ms expired (or flush()): every open batch is sent, so the next record on any partition needs a new batch. */
  lingerExpired(): void;
  /** Bytes in the open (appendable) batch of each partition that has one. */
  openBatches(): Map<number, number>;
}

interface OpenBatch {
  used: number;
  /** MemoryRecordsBuilder writeLimit: the buffer is max(batch.size, size of the first record). */
  capacity: number;
}

export function createStickyPartitioner(options: StickyPartitionerOptions): StickyPartitioner {
  checkPartitionCount(options.numPartitions);
  const mode: StickyMode = options.mode ?? 'kip-794';
  const batchSize = options.batchSize ?? 16384;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be >= 1, got ${batchSize}`);
  const random = options.random ?? seededRandomSource(options.seed ?? 1);
  const open = new Map<number, OpenBatch>();

  /** RecordAccumulator.tryAppend: append to the partition's last batch if it has room, else close it for appends. */
  function tryAppend(partition: number, size: number): boolean {
    const batch = open.get(partition);
    if (batch === undefined) return false;
    if (batch.used >= batch.capacity || batch.used + size > batch.capacity) {
      open.delete(partition); // closeForRecordAppends: the batch is now only waiting to be sent
      return false;
    }
    batch.used += size;
    return true;
  }

  /** RecordAccumulator.appendNewBatch: a new batch always accepts its first record, however large. */
  function appendNewBatch(partition: number, size: number): void {
    open.set(partition, { used: size, capacity: Math.max(batchSize, size) });
  }

  function checkSize(size: number): void {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`record size must be a positive integer, got ${size}`);
  }

  const common = {
    mode,
    lingerExpired: () => open.clear(),
    openBatches: () => new Map([...open].map(([p, b]) => [p, b.used] as [number, number])),
  };

  if (mode === 'kip-794') {
    const partitioner = createBuiltInPartitioner({ ...options, stickyBatchSize: batchSize }, random);
    let started = false;
    return {
      ...common,
      current: () => (started ? partitioner.peekCurrentPartition() : null),
      send(sizeBytes = 1) {
        checkSize(sizeBytes);
        started = true;
        const partition = partitioner.peekCurrentPartition();
        let newBatch = false;
        if (!tryAppend(partition, sizeBytes)) {
          appendNewBatch(partition, sizeBytes);
          newBatch = true;
        }
        // enableSwitch = allBatchesFull(dq): the last batch (the one just appended to) is full.
        const last = open.get(partition)!;
        const switched = partitioner.updatePartitionInfo(sizeBytes, last.used >= last.capacity);
        return { partition, newBatch, switched, nextSticky: partitioner.peekCurrentPartition() };
      },
    };
  }

  // KIP-480: KafkaProducer.doSend appends with abortOnNewBatch = true; if a new batch would be needed it calls
  // partitioner.onNewBatch (StickyPartitionCache.nextPartition) and appends again to the new partition.
  const cache = createStickyPartitionCache(options, random);
  return {
    ...common,
    current: () => cache.peek(),
    send(sizeBytes = 1) {
      checkSize(sizeBytes);
      const prev = cache.partition();
      if (tryAppend(prev, sizeBytes)) return { partition: prev, newBatch: false, switched: false, nextSticky: prev };
      const partition = cache.nextPartition(prev);
      const switched = partition !== prev;
      if (tryAppend(partition, sizeBytes)) return { partition, newBatch: false, switched, nextSticky: partition };
      appendNewBatch(partition, sizeBytes);
      return { partition, newBatch: true, switched, nextSticky: partition };
    },
  };
}

export interface KeylessRunSummary {
  partitions: number[];
  /** Records per partition. */
  counts: number[];
  /** Consecutive runs of records on one partition: what the sticky partitioner is designed to produce. */
  runs: { partition: number; records: number }[];
}

/** Send `records` keyless records of equal size through a fresh sticky partitioner and summarise where they went. */
export function simulateKeyless(options: StickyPartitionerOptions, records: number, sizeBytes = 1): KeylessRunSummary {
  const partitioner = createStickyPartitioner(options);
  const partitions: number[] = [];
  const counts = new Array<number>(options.numPartitions).fill(0);
  const runs: { partition: number; records: number }[] = [];
  for (let i = 0; i < records; i++) {
    const { partition } = partitioner.send(sizeBytes);
    partitions.push(partition);
    counts[partition] = (counts[partition] ?? 0) + 1;
    const last = runs[runs.length - 1];
    if (last && last.partition === partition) last.records++;
    else runs.push({ partition, records: 1 });
  }
  return { partitions, counts, runs };
}
