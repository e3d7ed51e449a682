/** Words for the island: what each version and variant means (RFC 9562 §4.1 Table 1, §4.2 Table 2). */
import type { UuidVariant } from './fields.ts';

export const NIL_UUID = '00000000-0000-0000-0000-000000000000';
export const MAX_UUID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

export const VERSION_DESCRIPTIONS: Readonly<Record<number, string>> = {
  0: 'Unused',
  1: 'Gregorian time-based',
  2: 'Reserved for DCE Security, with embedded POSIX UIDs',
  3: 'Name-based, MD5',
  4: 'Random',
  5: 'Name-based, SHA-1',
  6: 'Reordered Gregorian time-based',
  7: 'Unix Epoch time-based',
  8: 'Custom (vendor-specific)',
};

export const VARIANT_DESCRIPTIONS: Readonly<Record<UuidVariant, string>> = {
  ncs: 'Reserved, NCS backward compatibility (includes the Nil UUID)',
  rfc9562: 'The variant specified in RFC 9562 (formerly RFC 4122)',
  microsoft: 'Reserved, Microsoft Corporation backward compatibility',
  future: 'Reserved for future definition (includes the Max UUID)',
};
