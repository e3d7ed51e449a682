/**
 * Decoding the fields of a UUID from its 16 bytes, following RFC 9562:
 * variant (§4.1, Table 1), version (§4.2), and the time-based layouts of
 * v1 (§5.1), v6 (§5.6) and v7 (§5.7). Timestamps come out as Unix milliseconds.
 */

/** RFC 9562 §4.1 Table 1, read from the most significant bits of octet 8. */
export type UuidVariant = 'ncs' | 'rfc9562' | 'microsoft' | 'future';

/**
 * 100-ns intervals between the Gregorian epoch 1582-10-15 and the Unix epoch 1970-01-01:
 * RFC 9562 Appendix A, "Greg_Unix_offset = 0x01b21dd213814000 or 122192928000000000".
 */
export const GREGORIAN_UNIX_OFFSET_100NS = 122192928000000000n;
/** The same offset in whole milliseconds (12219292800000). */
export const GREGORIAN_UNIX_OFFSET_MS = 12219292800000;

export function variantOf(octet8: number): UuidVariant {
  if ((octet8 & 0x80) === 0) return 'ncs'; // 0xxx
  if ((octet8 & 0x40) === 0) return 'rfc9562'; // 10xx
  if ((octet8 & 0x20) === 0) return 'microsoft'; // 110x
  return 'future'; // 111x
}

export function versionOf(bytes: Uint8Array): number {
  return (bytes[6] ?? 0) >>> 4;
}

function uint(bytes: Uint8Array, from: number, to: number): bigint {
  let n = 0n;
  for (let i = from; i < to; i++) n = (n << 8n) | BigInt(bytes[i] ?? 0);
  return n;
}

/** The 60-bit count of 100-ns intervals since 1582-10-15 stored in a v1 UUID (RFC 9562 §5.1). */
export function v1Ticks(bytes: Uint8Array): bigint {
  const timeLow = uint(bytes, 0, 4);
  const timeMid = uint(bytes, 4, 6);
  const timeHigh = uint(bytes, 6, 8) & 0x0fffn;
  return (timeHigh << 48n) | (timeMid << 32n) | timeLow;
}

/** The same 60-bit count in a v6 UUID, stored most significant bits first (RFC 9562 §5.6). */
export function v6Ticks(bytes: Uint8Array): bigint {
  const timeHigh = uint(bytes, 0, 4);
  const timeMid = uint(bytes, 4, 6);
  const timeLow = uint(bytes, 6, 8) & 0x0fffn;
  return (timeHigh << 28n) | (timeMid << 12n) | timeLow;
}

/** The 48-bit unix_ts_ms of a v7 UUID (RFC 9562 §5.7). */
export function v7Millis(bytes: Uint8Array): number {
  return Number(uint(bytes, 0, 6));
}

/** Gregorian 100-ns ticks to Unix time: whole milliseconds (floored) and the 100-ns remainder. */
export function ticksToUnix(ticks: bigint): { ms: number; subMsTicks: number } {
  const since1970 = ticks - GREGORIAN_UNIX_OFFSET_100NS;
  let ms = since1970 / 10000n;
  let rest = since1970 % 10000n;
  if (rest < 0n) {
    // BigInt division truncates toward zero; floor it so the remainder is always 0..9999.
    ms -= 1n;
    rest += 10000n;
  }
  return { ms: Number(ms), subMsTicks: Number(rest) };
}

/** 14-bit clock sequence of v1/v6 (octets 8-9 without the 2 variant bits). */
export function clockSeqOf(bytes: Uint8Array): number {
  return (((bytes[8] ?? 0) & 0x3f) << 8) | (bytes[9] ?? 0);
}

/** 48-bit node of v1/v6 as colon-separated lowercase hex, like a MAC address. */
export function nodeOf(bytes: Uint8Array): string {
  return Array.from(bytes.subarray(10, 16), (b) => b.toString(16).padStart(2, '0')).join(':');
}
