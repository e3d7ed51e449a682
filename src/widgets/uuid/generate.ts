/**
 * Generating UUIDs of versions 1, 3, 4, 5, 6 and 7 with the `uuid` package, deterministically:
 * the model never reads the clock or an unseeded random source. Time comes in as `msecs`
 * (Unix milliseconds); random bits come in as 16 `random` bytes (e.g. from crypto.getRandomValues
 * in the island) or are drawn from `seed` with the shared mulberry32 generator.
 */
import { v1, v3, v4, v5, v6, v7 } from 'uuid';
import type { Version1Options, Version7Options } from 'uuid';
import { mulberry32 } from '../shared/random.ts';
import { UuidError } from './errors.ts';
import { GREGORIAN_UNIX_OFFSET_MS } from './fields.ts';
import { NAMESPACES, type NamespaceName } from './namespaces.ts';
import { parseUuidText } from './text.ts';

/** Where random bits come from. `random` (exactly 16 bytes) wins over `seed`. */
export interface RandomSource {
  random?: Uint8Array;
  seed?: number;
}

/** v4: 122 random bits. */
export type RandomOptions = RandomSource;

/**
 * v1 and v6: a Gregorian timestamp of 100-ns intervals, a clock sequence and a node.
 * clockSeq and node default to bits of the random source (node with the multicast bit set,
 * as RFC 9562 §6.10 asks of random nodes), exactly as the uuid package does.
 */
export interface GregorianTimeOptions extends RandomSource {
  /** Unix milliseconds; may be negative (back to 1582-10-15). */
  msecs: number;
  /** Extra 100-ns intervals within that millisecond, 0..9999 (the uuid package's `nsecs`). */
  subMsTicks?: number;
  /** 14-bit clock sequence, 0..16383. */
  clockSeq?: number;
  /** 6 bytes, or 12 hex digits optionally separated by ':' or '-'. */
  node?: Uint8Array | string;
}

/** v7: 48-bit Unix milliseconds, then random bits. */
export interface UnixTimeOptions extends RandomSource {
  /** Unix milliseconds, 0..2^48-1. */
  msecs: number;
  /**
   * Optional 32-bit counter the uuid package places in rand_a and the top of rand_b
   * (RFC 9562 §6.2 method 1/2); without it those bits come from the random source.
   */
  seq?: number;
}

/** v3 and v5: a namespace (one of the four RFC names, or any UUID) and a name. */
export interface NameOptions {
  namespace: NamespaceName | (string & {});
  /** Text (encoded as UTF-8) or raw bytes. */
  name: string | Uint8Array;
}

export interface GenerateOptionsByVersion {
  1: GregorianTimeOptions;
  3: NameOptions;
  4: RandomOptions;
  5: NameOptions;
  6: GregorianTimeOptions;
  7: UnixTimeOptions;
}

export type GeneratableVersion = keyof GenerateOptionsByVersion;

export const GENERATABLE_VERSIONS: readonly GeneratableVersion[] = [1, 3, 4, 5, 6, 7];

/** Largest 60-bit Gregorian timestamp. */
const MAX_TICKS = (1n << 60n) - 1n;
const MAX_V7_MS = 2 ** 48 - 1;

/** 16 bytes (or `length`) drawn from mulberry32(seed): floor(rng() * 256) per byte. */
export function randomBytesFromSeed(seed: number, length = 16): Uint8Array {
  const rng = mulberry32(seed);
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = Math.floor(rng() * 256);
  return out;
}

function randomBytes(version: number, options: RandomSource, required: boolean): Uint8Array {
  const { random, seed } = options;
  if (random !== undefined) {
    if (!(random instanceof Uint8Array) || random.length !== 16) {
      throw new UuidError('bad-option', `random must be exactly 16 bytes (a Uint8Array); got ${describeLength(random)}.`);
    }
    return Uint8Array.from(random); // a copy: the uuid package writes version bits into v4 input
  }
  if (seed !== undefined) {
    if (!Number.isInteger(seed)) throw new UuidError('bad-option', `seed must be an integer; got ${String(seed)}.`);
    return randomBytesFromSeed(seed);
  }
  if (required) {
    throw new UuidError(
      'missing-randomness',
      `Version ${version} needs random bits: pass 16 random bytes (random) or a seed.`,
    );
  }
  return new Uint8Array(16); // unused: every field it would feed was given explicitly
}

function describeLength(x: unknown): string {
  return x instanceof Uint8Array ? `${x.length} bytes` : typeof x;
}

function checkInteger(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UuidError('bad-option', `${name} must be a whole number from ${min} to ${max}; got ${String(value)}.`);
  }
}

/** Node from 6 bytes or text such as "9f:6b:de:ce:d8:46", "9F-6B-DE-CE-D8-46" or "9f6bdeced846". */
export function parseNode(node: Uint8Array | string): Uint8Array {
  if (node instanceof Uint8Array) {
    if (node.length !== 6) throw new UuidError('bad-option', `node must be 6 bytes; got ${node.length}.`);
    return Uint8Array.from(node);
  }
  const hex = typeof node === 'string' ? node.replace(/[:-]/g, '') : '';
  if (!/^[0-9a-fA-F]{12}$/.test(hex)) {
    throw new UuidError('bad-option', `node must be 12 hexadecimal digits such as 9f:6b:de:ce:d8:46; got ${JSON.stringify(node)}.`);
  }
  return Uint8Array.from({ length: 6 }, (_, i) => parseInt(hex.slice(2 * i, 2 * i + 2), 16));
}

/** Namespace bytes from one of the RFC names (any case) or a UUID in any accepted spelling. */
export function resolveNamespace(namespace: string): Uint8Array {
  if (typeof namespace !== 'string') {
    throw new UuidError('bad-namespace', 'The namespace must be DNS, URL, OID, X500 or a UUID.');
  }
  const key = namespace.trim().toUpperCase();
  const named = (NAMESPACES as Record<string, string>)[key];
  try {
    return parseUuidText(named ?? namespace).bytes;
  } catch (e) {
    const why = e instanceof UuidError ? ` (${e.message})` : '';
    throw new UuidError('bad-namespace', `The namespace must be DNS, URL, OID, X500 or a UUID${why}.`);
  }
}

function gregorianOptions(version: 1 | 6, o: GregorianTimeOptions): Version1Options {
  if (typeof o?.msecs !== 'number' || !Number.isSafeInteger(o.msecs)) {
    throw new UuidError('bad-option', `Version ${version} needs msecs, a whole number of Unix milliseconds; got ${String(o?.msecs)}.`);
  }
  const subMsTicks = o.subMsTicks ?? 0;
  checkInteger('subMsTicks', subMsTicks, 0, 9999);
  const ticks = (BigInt(o.msecs) + BigInt(GREGORIAN_UNIX_OFFSET_MS)) * 10000n + BigInt(subMsTicks);
  if (ticks < 0n || ticks > MAX_TICKS) {
    throw new UuidError(
      'bad-option',
      `Version ${version} timestamps count 100-ns intervals from 1582-10-15 in 60 bits; msecs ${o.msecs} is outside that range.`,
    );
  }
  if (o.clockSeq !== undefined) checkInteger('clockSeq', o.clockSeq, 0, 0x3fff);
  const node = o.node === undefined ? undefined : parseNode(o.node);
  const needsRandom = o.clockSeq === undefined || node === undefined;
  const opts: Version1Options = { msecs: o.msecs, nsecs: subMsTicks, random: randomBytes(version, o, needsRandom) };
  if (o.clockSeq !== undefined) opts.clockseq = o.clockSeq;
  if (node !== undefined) opts.node = node;
  return opts;
}

function unixOptions(o: UnixTimeOptions): Version7Options {
  if (typeof o?.msecs !== 'number') {
    throw new UuidError('bad-option', `Version 7 needs msecs, a whole number of Unix milliseconds; got ${String(o?.msecs)}.`);
  }
  checkInteger('msecs', o.msecs, 0, MAX_V7_MS);
  const opts: Version7Options = { msecs: o.msecs, random: randomBytes(7, o, true) };
  if (o.seq !== undefined) {
    checkInteger('seq', o.seq, 0, 0xffffffff);
    opts.seq = o.seq;
  }
  return opts;
}

function nameBytes(name: string | Uint8Array): Uint8Array {
  if (name instanceof Uint8Array) return name;
  if (typeof name !== 'string') throw new UuidError('bad-option', 'The name must be text or bytes.');
  // TextEncoder, not the uuid package's encodeURIComponent-based encoder, so a lone surrogate
  // becomes U+FFFD instead of throwing URIError. Identical bytes for all well-formed text.
  return new TextEncoder().encode(name);
}

/**
 * A UUID of the given version, as canonical lowercase text. Deterministic: equal options give
 * equal UUIDs. Throws UuidError for an unsupported version or invalid options.
 */
export function generate<V extends GeneratableVersion>(version: V, options: GenerateOptionsByVersion[V]): string;
export function generate(version: number, options: unknown): string {
  // Runtime callers (the island) may pass anything: every field is checked before use.
  const o = (options ?? {}) as GregorianTimeOptions & UnixTimeOptions & NameOptions;
  switch (version) {
    case 1:
      return v1(gregorianOptions(1, o));
    case 6:
      return v6(gregorianOptions(6, o));
    case 7:
      return v7(unixOptions(o));
    case 4:
      return v4({ random: randomBytes(4, o, true) });
    case 3:
    case 5: {
      const { namespace, name } = o;
      const ns = resolveNamespace(namespace);
      const bytes = nameBytes(name);
      return version === 3 ? v3(bytes, ns) : v5(bytes, ns);
    }
    default:
      throw new UuidError(
        'bad-version',
        `Version ${String(version)} cannot be generated here; choose 1, 3, 4, 5, 6 or 7` +
          (version === 2 ? ' (version 2, DCE Security, is reserved and not specified by RFC 9562).' : '.'),
      );
  }
}
