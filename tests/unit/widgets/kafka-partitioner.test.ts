import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createBuiltInPartitioner,
  createStickyPartitionCache,
  createStickyPartitioner,
  explainKeyedPlacement,
  murmur2,
  partitionForKey,
  seededRandomSource,
  simulateKeyless,
  toPositive,
  utf8,
  type RandomSource,
} from '../../../src/widgets/kafka/partitioner.ts';

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** BuiltInPartitionerTest's mock: `AtomicInteger mockRandom; BuiltInPartitioner.mockRandom = () -> mockRandom.getAndAdd(1);` */
function sequentialRandom(): RandomSource {
  let n = 0;
  return () => n++;
}

describe('murmur2 (Kafka Utils.murmur2)', () => {
  // apache/kafka clients/src/test/java/org/apache/kafka/common/utils/UtilsTest.java, testMurmur2:
  //   cases.put("21".getBytes(), -973932308); ... cases.put(new byte[] {'a', 'b', 'c'}, 479470107);
  const kafkaUtilsTest: [string, number][] = [
    ['21', -973932308],
    ['foobar', -790332482],
    ['a-little-bit-long-string', -985981536],
    ['a-little-bit-longer-string', -1486304829],
    ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
    ['abc', 479470107],
  ];
  it.each(kafkaUtilsTest)('UtilsTest.testMurmur2: %s -> %d', (text, expected) => {
    expect(murmur2(ascii(text))).toBe(expected);
  });

  // confluentinc/librdkafka src/rdmurmur2.c, unittest_murmurhashneutral2: "java_murmur2_results" are the
  // Java hashes with the sign bit cleared (kafka -> 1348980580, amqp -> 767747138, giberish123456789 -> 257239820).
  it.each([
    ['kafka', 1348980580],
    ['amqp', 767747138],
    ['giberish123456789', 257239820],
  ] as [string, number][])('librdkafka rdmurmur2.c: toPositive(murmur2(%s)) = %d', (text, expected) => {
    expect(toPositive(murmur2(ascii(text)))).toBe(expected);
  });

  it('returns a signed 32-bit int, as Java does (negative values are kept)', () => {
    const h = murmur2(ascii('21'));
    expect(h).toBeLessThan(0);
    expect(h | 0).toBe(h);
  });
});

describe('toPositive (Kafka Utils.toPositive: number & 0x7fffffff)', () => {
  it('clears only the sign bit, unlike Math.abs', () => {
    expect(toPositive(-973932308)).toBe(-973932308 & 0x7fffffff);
    expect(toPositive(-973932308)).toBe(1173551340); // 2^31 - 973932308
    expect(toPositive(-2147483648)).toBe(0); // Integer.MIN_VALUE
    expect(toPositive(-1)).toBe(2147483647);
    expect(toPositive(0)).toBe(0);
    expect(toPositive(479470107)).toBe(479470107);
  });
});

describe('partitionForKey (BuiltInPartitioner.partitionForKey)', () => {
  // confluentinc/librdkafka tests/0048-partitioner.c, do_test_partitioners: the "murmur2" partitioner
  // (Java-compatible) must place keys at these hashes "using tests/java/Murmur2Cli" modulo the partition count
  // (7 in quick mode, 17 otherwise). Keys: "" , "123456"+1, a long string, "hejsan".
  const librdkafka: [string, number][] = [
    ['', 0x106e08d9],
    ['23456', 0x058d780f],
    ['this is another string with more length to it perhaps', 0x4f7703da],
    ['hejsan', 0x5ec19395],
  ];
  it.each(librdkafka)('librdkafka 0048-partitioner murmur2: %j', (key, positiveHash) => {
    expect(toPositive(murmur2(utf8(key)))).toBe(positiveHash);
    expect(partitionForKey(key, 7)).toBe(positiveHash % 7);
    expect(partitionForKey(key, 17)).toBe(positiveHash % 17);
  });

  it('UtilsTest vectors through the partitioner: toPositive(hash) % n', () => {
    // From UtilsTest.testMurmur2: "foobar" -> -790332482, so toPositive = 2147483648 - 790332482 = 1357151166.
    expect(partitionForKey('foobar', 6)).toBe(1357151166 % 6);
    expect(partitionForKey('foobar', 6)).toBe(0);
    expect(partitionForKey('abc', 10)).toBe(479470107 % 10);
    expect(partitionForKey('abc', 10)).toBe(7);
    expect(partitionForKey(ascii('21'), 3)).toBe(1173551340 % 3);
  });

  it('is stable for the same key (DefaultPartitionerTest.testKeyPartitionIsStable, KEY_BYTES = "key".getBytes())', () => {
    expect(partitionForKey('key', 3)).toBe(partitionForKey(ascii('key'), 3));
  });

  it('encodes strings as Java String.getBytes(UTF_8), lone surrogates as "?"', () => {
    expect([...utf8('A\u00ea\u00f1\u00fcC')]).toEqual([0x41, 0xc3, 0xaa, 0xc3, 0xb1, 0xc3, 0xbc, 0x43]); // UtilsTest.utf8ByteArraySerde string
    expect([...utf8('\u{1F600}')]).toEqual([0xf0, 0x9f, 0x98, 0x80]);
    expect([...utf8('a\ud800b')]).toEqual([0x61, 0x3f, 0x62]);
    expect([...utf8('€')]).toEqual([...new TextEncoder().encode('€')]);
  });

  it('rejects a non-positive partition count', () => {
    expect(() => partitionForKey('k', 0)).toThrow(RangeError);
    expect(() => partitionForKey('k', 2.5)).toThrow(RangeError);
  });

  it('explainKeyedPlacement shows the same numbers', () => {
    expect(explainKeyedPlacement('abc', 10)).toEqual({
      key: 'abc',
      bytes: [97, 98, 99],
      hash: 479470107,
      positiveHash: 479470107,
      partition: 7,
    });
  });
});

describe('KIP-794 BuiltInPartitioner (Kafka 3.3+)', () => {
  // apache/kafka clients/src/test/java/org/apache/kafka/clients/producer/internals/BuiltInPartitionerTest.java
  it('testStickyPartitioning: no switch before stickyBatchSize (3) bytes, then switch; one partition stays 0', () => {
    const a = createBuiltInPartitioner({ numPartitions: 3, stickyBatchSize: 3 }, sequentialRandom());
    const partA = a.peekCurrentPartition();
    expect(partA).toBe(0); // available.get(0 % 3)
    expect(a.updatePartitionInfo(1)).toBe(false);
    expect(a.peekCurrentPartition()).toBe(partA);
    expect(a.updatePartitionInfo(1)).toBe(false);
    expect(a.peekCurrentPartition()).toBe(partA);
    expect(a.updatePartitionInfo(1)).toBe(true);
    expect(a.peekCurrentPartition()).not.toBe(partA);
    expect(a.peekCurrentPartition()).toBe(1); // available.get(1 % 3)

    const b = createBuiltInPartitioner({ numPartitions: 1, stickyBatchSize: 1 }, sequentialRandom());
    for (let c = 0; c < 10; c++) {
      expect(b.peekCurrentPartition()).toBe(0);
      b.updatePartitionInfo(1);
    }
  });

  it('unavailablePartitionsTest: never a leaderless partition; none available -> random % all', () => {
    const random = seededRandomSource(7);
    const a = createBuiltInPartitioner({ numPartitions: 3, availablePartitions: [0, 2], stickyBatchSize: 1 }, random);
    const partA = a.peekCurrentPartition();
    expect(partA).not.toBe(1);
    a.updatePartitionInfo(1);
    let foundAnother = false;
    for (let i = 0; i < 100; i++) {
      const p = a.peekCurrentPartition();
      expect(p).not.toBe(1);
      foundAnother ||= p !== partA;
      a.updatePartitionInfo(1);
    }
    expect(foundAnother).toBe(true);

    const b = createBuiltInPartitioner({ numPartitions: 2, availablePartitions: [1], stickyBatchSize: 1 }, random);
    for (let i = 0; i < 100; i++) {
      expect(b.peekCurrentPartition()).toBe(1);
      b.updatePartitionInfo(1);
    }

    const c = createBuiltInPartitioner({ numPartitions: 1, availablePartitions: [], stickyBatchSize: 1 }, random);
    expect(c.peekCurrentPartition()).toBe(0);
    c.updatePartitionInfo(1);
    expect(c.peekCurrentPartition()).toBe(0);
  });

  it('testStickyBatchSizeMoreThatZero', () => {
    expect(() => createBuiltInPartitioner({ numPartitions: 1, stickyBatchSize: 0 }, sequentialRandom())).toThrow(
      'stickyBatchSize must be >= 1 but got 0',
    );
    expect(() => createBuiltInPartitioner({ numPartitions: 1, stickyBatchSize: 1 }, sequentialRandom())).not.toThrow();
  });

  it('updatePartitionInfo: enableSwitch=false defers the switch until 2 * stickyBatchSize bytes', () => {
    // BuiltInPartitioner.updatePartitionInfo: switch if producedBytes >= stickyBatchSize && enableSwitch
    // || producedBytes >= stickyBatchSize * 2.
    const p = createBuiltInPartitioner({ numPartitions: 3, stickyBatchSize: 4 }, sequentialRandom());
    expect(p.peekCurrentPartition()).toBe(0);
    expect(p.updatePartitionInfo(4, false)).toBe(false);
    expect(p.updatePartitionInfo(3, false)).toBe(false);
    expect(p.producedBytes()).toBe(7);
    expect(p.updatePartitionInfo(1, false)).toBe(true);
    expect(p.peekCurrentPartition()).toBe(1);
    expect(p.producedBytes()).toBe(0);
  });
});

describe('KIP-480 StickyPartitionCache (Kafka 2.4 to 3.2)', () => {
  // apache/kafka clients/src/test/java/org/apache/kafka/clients/producer/internals/StickyPartitionCacheTest.java
  it('testStickyPartitionCache', () => {
    const random = seededRandomSource(3);
    const cacheA = createStickyPartitionCache({ numPartitions: 3 }, random);
    const cacheB = createStickyPartitionCache({ numPartitions: 1 }, random);
    const partA = cacheA.partition();
    expect(cacheA.partition()).toBe(partA);
    const partB = cacheB.partition();
    expect(cacheB.partition()).toBe(partB);

    const changedPartA = cacheA.nextPartition(partA);
    expect(cacheA.partition()).toBe(changedPartA);
    expect(changedPartA).not.toBe(partA);
    const changedPartA2 = cacheA.partition();
    expect(changedPartA2).toBe(changedPartA);
    // "We do not want to change partitions because the previous partition does not match the current sticky one."
    expect(cacheA.nextPartition(partA)).toBe(changedPartA2);

    expect(cacheB.nextPartition(partB)).toBe(cacheB.partition());
    expect(cacheB.partition()).toBe(0);
  });

  it('unavailablePartitionsTest', () => {
    const random = seededRandomSource(11);
    const a = createStickyPartitionCache({ numPartitions: 3, availablePartitions: [0, 2] }, random);
    let partA = a.partition();
    expect(partA).not.toBe(1);
    for (let i = 0; i < 100; i++) {
      partA = a.nextPartition(partA);
      expect(a.partition()).not.toBe(1);
    }
    const b = createStickyPartitionCache({ numPartitions: 2, availablePartitions: [1] }, random);
    let partB = b.partition();
    expect(partB).toBe(1);
    for (let i = 0; i < 100; i++) {
      partB = b.nextPartition(partB);
      expect(b.partition()).toBe(1);
    }
    const c = createStickyPartitionCache({ numPartitions: 1, availablePartitions: [] }, random);
    let partC = c.partition();
    expect(partC).toBe(0);
    partC = c.nextPartition(partC);
    expect(partC).toBe(0);
  });
});

describe('createStickyPartitioner: keyless sends through partitioner + accumulator', () => {
  it('KIP-794: batch.size=2, 1-byte records, sequential random -> two records per partition in turn', () => {
    // peek -> available[0]; after 2 bytes the batch is full (allBatchesFull) so updatePartitionInfo switches to
    // available[1 % 3], then available[2 % 3], then available[3 % 3].
    const p = createStickyPartitioner({ numPartitions: 3, mode: 'kip-794', batchSize: 2, random: sequentialRandom() });
    expect(p.current()).toBeNull();
    const sends = Array.from({ length: 8 }, () => p.send());
    expect(sends.map((s) => s.partition)).toEqual([0, 0, 1, 1, 2, 2, 0, 0]);
    expect(sends.map((s) => s.newBatch)).toEqual([true, false, true, false, true, false, true, false]);
    expect(sends.map((s) => s.switched)).toEqual([false, true, false, true, false, true, false, true]);
  });

  it('KIP-794: a switch may land on the same partition again, and then needs a new batch', () => {
    const p = createStickyPartitioner({ numPartitions: 2, mode: 'kip-794', batchSize: 2, random: () => 0 });
    const sends = Array.from({ length: 4 }, () => p.send());
    expect(sends.map((s) => s.partition)).toEqual([0, 0, 0, 0]);
    expect(sends.map((s) => s.newBatch)).toEqual([true, false, true, false]);
  });

  it('KIP-794: records that never fill a batch switch at twice batch.size', () => {
    // batch.size 4, 3-byte records: each record closes the batch and opens a new one that is never full, so
    // enableSwitch stays false until producedBytes = 9 >= 2 * 4.
    const p = createStickyPartitioner({ numPartitions: 3, mode: 'kip-794', batchSize: 4, random: sequentialRandom() });
    const sends = Array.from({ length: 9 }, () => p.send(3));
    expect(sends.map((s) => s.partition)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2]);
    expect(sends.every((s) => s.newBatch)).toBe(true);
  });

  it('KIP-480: the first record already switches (abortForNewBatch), then one batch per partition', () => {
    // partition() -> nextPartition(-1) picks available[0]; no batch there, so append aborts, onNewBatch(0) draws
    // until it differs: available[1]. Every full batch triggers nextPartition(prev) with the next mock value.
    const p = createStickyPartitioner({ numPartitions: 3, mode: 'kip-480', batchSize: 2, random: sequentialRandom() });
    const sends = Array.from({ length: 8 }, () => p.send());
    expect(sends.map((s) => s.partition)).toEqual([1, 1, 2, 2, 0, 0, 1, 1]);
    expect(sends.map((s) => s.newBatch)).toEqual([true, false, true, false, true, false, true, false]);
    expect(sends[0]!.switched).toBe(true);
  });

  it('KIP-480: returning to a partition with an open batch appends to it; linger sends all batches', () => {
    // 2 partitions, batch.size 3. Random 0 then 1 then 0...: first record -> cache 0, abort, switch to 1.
    const seq = [0, 1, 0, 1, 0, 1];
    let i = 0;
    const p = createStickyPartitioner({ numPartitions: 2, mode: 'kip-480', batchSize: 3, random: () => seq[i++]! });
    expect(p.send(2)).toEqual({ partition: 1, newBatch: true, switched: true, nextSticky: 1 });
    // 2 + 2 > 3: the batch on 1 is closed, switch to 0 (new batch there).
    expect(p.send(2)).toEqual({ partition: 0, newBatch: true, switched: true, nextSticky: 0 });
    expect(p.openBatches()).toEqual(new Map([[0, 2]]));
    p.lingerExpired();
    expect(p.openBatches()).toEqual(new Map());
    expect(p.send(1)).toEqual({ partition: 1, newBatch: true, switched: true, nextSticky: 1 });
  });

  it('simulateKeyless summarises runs', () => {
    const s = simulateKeyless({ numPartitions: 3, mode: 'kip-794', batchSize: 2, random: sequentialRandom() }, 5);
    expect(s.partitions).toEqual([0, 0, 1, 1, 2]);
    expect(s.counts).toEqual([2, 2, 1]);
    expect(s.runs).toEqual([
      { partition: 0, records: 2 },
      { partition: 1, records: 2 },
      { partition: 2, records: 1 },
    ]);
  });
});

describe('properties', () => {
  // Any UTF-16 code units, lone surrogates included (fast-check's 'binary' unit is slow to warm up).
  const utf16String = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 64 }).map((u) => String.fromCharCode(...u));

  it('partitionForKey is always an integer in [0, n) and agrees for a string and its UTF-8 bytes', () => {
    fc.assert(
      fc.property(utf16String, fc.integer({ min: 1, max: 100_000 }), (key, n) => {
        const p = partitionForKey(key, n);
        return Number.isInteger(p) && p >= 0 && p < n && p === partitionForKey(utf8(key), n);
      }),
    );
  }, 30_000);

  it('murmur2 is a signed int32 and toPositive of it is in [0, 2^31)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const h = murmur2(bytes);
        const pos = toPositive(h);
        return (h | 0) === h && pos >= 0 && pos < 2 ** 31 && pos === (h >= 0 ? h : h + 2 ** 31);
      }),
    );
  }, 30_000);

  it('utf8 equals TextEncoder on well-formed strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect([...utf8(s)]).toEqual([...new TextEncoder().encode(s)]);
      }),
    );
  }, 30_000);

  const stickyArgs = fc.record({
    numPartitions: fc.integer({ min: 1, max: 12 }),
    mode: fc.constantFrom('kip-480' as const, 'kip-794' as const),
    batchSize: fc.integer({ min: 1, max: 50 }),
    seed: fc.integer(),
    sizes: fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 200 }),
    lingerEvery: fc.integer({ min: 0, max: 20 }),
  });

  type StickyRun = { numPartitions: number; mode: 'kip-480' | 'kip-794'; batchSize: number; seed: number; sizes: number[]; lingerEvery: number };
  function run(a: StickyRun) {
    const p = createStickyPartitioner({ numPartitions: a.numPartitions, mode: a.mode, batchSize: a.batchSize, seed: a.seed });
    return a.sizes.map((size, i) => {
      if (a.lingerEvery > 0 && i % a.lingerEvery === 0) p.lingerExpired();
      return p.send(size);
    });
  }

  it('keyless sends stay in [0, n) and replay identically for a seed', () => {
    fc.assert(
      fc.property(stickyArgs, (a) => {
        const first = run(a);
        expect(run(a)).toEqual(first);
        for (const s of first) expect(s.partition >= 0 && s.partition < a.numPartitions).toBe(true);
      }),
    );
  }, 30_000);

  it('KIP-480 never switches to the same partition when two or more are available', () => {
    fc.assert(
      fc.property(stickyArgs, (a) => {
        if (a.numPartitions < 2) return;
        const sends = run({ ...a, mode: 'kip-480' });
        let prevSticky: number | null = null;
        for (const s of sends) {
          if (s.switched && prevSticky !== null) expect(s.partition).not.toBe(prevSticky);
          prevSticky = s.nextSticky;
        }
      }),
    );
  }, 30_000);

  it('KIP-794 switches only after batch.size bytes, and always by twice batch.size', () => {
    fc.assert(
      fc.property(stickyArgs, (a) => {
        const sends = run({ ...a, mode: 'kip-794' });
        let produced = 0;
        sends.forEach((s, i) => {
          produced += a.sizes[i]!;
          if (s.switched) {
            expect(produced).toBeGreaterThanOrEqual(a.batchSize);
            produced = 0;
          } else expect(produced).toBeLessThan(2 * a.batchSize);
        });
      }),
    );
  }, 30_000);
});
