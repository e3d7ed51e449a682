/**
 * inspect(text): everything a UUID says about itself, decoded as RFC 9562 defines it.
 */
import {
  clockSeqOf,
  nodeOf,
  ticksToUnix,
  v1Ticks,
  v6Ticks,
  v7Millis,
  variantOf,
  versionOf,
  type UuidVariant,
} from './fields.ts';
import { parseUuidText } from './text.ts';

export interface UuidInspection {
  /** Canonical lowercase 8-4-4-4-12 text. */
  uuid: string;
  /** The 4-bit version field (octet 6, high nibble). Meaningful for the 'rfc9562' variant. */
  version: number;
  variant: UuidVariant;
  /** v1, v6, v7: Unix milliseconds (v1/v6: floored; the rest is in subMsTicks). */
  timestampMs?: number;
  /** v1, v6: the raw 60-bit count of 100-ns intervals since 1582-10-15 00:00 UTC. */
  timestampTicks?: bigint;
  /** v1, v6: 100-ns intervals past timestampMs, 0..9999. */
  subMsTicks?: number;
  /** v1, v6: 14-bit clock sequence. */
  clockSeq?: number;
  /** v1, v6: 48-bit node as "xx:xx:xx:xx:xx:xx". */
  node?: string;
  /** v1, v6: multicast bit of the node's first octet; set means random, not a MAC (RFC 9562 §6.10). */
  nodeIsMulticast?: boolean;
  /** 00000000-0000-0000-0000-000000000000 (RFC 9562 §5.9). */
  isNil: boolean;
  /** ffffffff-ffff-ffff-ffff-ffffffffffff (RFC 9562 §5.10). */
  isMax: boolean;
}

/**
 * Parse and decode a UUID. Accepts any letter case, surrounding whitespace, a `urn:uuid:` prefix or
 * braces. Throws UuidError (and nothing else) with a message saying what is wrong.
 */
export function inspect(text: string): UuidInspection {
  const { uuid, bytes } = parseUuidText(text);
  const version = versionOf(bytes);
  const variant = variantOf(bytes[8] ?? 0);
  const result: UuidInspection = {
    uuid,
    version,
    variant,
    isNil: bytes.every((b) => b === 0x00),
    isMax: bytes.every((b) => b === 0xff),
  };
  if (variant !== 'rfc9562') return result;
  if (version === 7) {
    result.timestampMs = v7Millis(bytes);
  } else if (version === 1 || version === 6) {
    const ticks = version === 1 ? v1Ticks(bytes) : v6Ticks(bytes);
    const { ms, subMsTicks } = ticksToUnix(ticks);
    result.timestampMs = ms;
    result.timestampTicks = ticks;
    result.subMsTicks = subMsTicks;
    result.clockSeq = clockSeqOf(bytes);
    result.node = nodeOf(bytes);
    result.nodeIsMulticast = ((bytes[10] ?? 0) & 0x01) === 1;
  }
  return result;
}
