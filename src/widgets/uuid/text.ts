/**
 * Reading and writing the textual form of a UUID (RFC 9562 §4: "hex-and-dash", 8-4-4-4-12 groups,
 * upper, lower or mixed case), plus the two common wrappings: the URN form `urn:uuid:…` (RFC 9562 §4,
 * RFC 8141) or Microsoft-style curly braces `{…}` (mentioned in RFC 9562 §4), never both.
 * Every rejection is a UuidError that says what to fix.
 */
import { UuidError } from './errors.ts';

/** Group sizes of the canonical form, in hex digits. */
export const GROUP_LENGTHS = [8, 4, 4, 4, 12] as const;

const HEX = /^[0-9a-fA-F]$/;
const URN_PREFIX = /^urn:uuid:/i;

/** What parseUuidText returns: the canonical lowercase text and the 16 bytes (network byte order). */
export interface ParsedUuidText {
  uuid: string;
  bytes: Uint8Array;
}

function describeChar(text: string, index: number): string {
  const cp = text.codePointAt(index) ?? 0;
  const ch = String.fromCodePoint(cp);
  // Invisible or control characters are easier to spot by code point than by glyph.
  if (/^[\p{L}\p{N}\p{P}\p{S}]$/u.test(ch)) return `"${ch}"`;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Parse a UUID written by a person. Accepts surrounding whitespace, any letter case, an optional
 * `urn:uuid:` prefix (any case) or one pair of braces around the 36-character form.
 * Throws UuidError: empty, unbalanced-braces, bad-character, wrong-length, bad-hyphens.
 */
export function parseUuidText(text: unknown): ParsedUuidText {
  if (typeof text !== 'string') {
    throw new UuidError('not-a-string', `Expected the UUID as text, got ${text === null ? 'null' : typeof text}.`);
  }
  let start = text.length - text.trimStart().length;
  let end = text.trimEnd().length;
  if (end <= start) {
    throw new UuidError('empty', 'Nothing to inspect: paste a UUID such as f81d4fae-7dec-11d0-a765-00a0c91e6bf6.');
  }
  const prefix = URN_PREFIX.exec(text.slice(start, end));
  if (prefix) start += prefix[0].length;
  // Braces wrap the bare form only: "urn:uuid:{…}" is not a URN, so there "{" is a bad character.
  const opens = !prefix && text[start] === '{';
  const closes = !prefix && end > start && text[end - 1] === '}';
  if (opens !== closes || (opens && end - start < 2)) {
    throw new UuidError(
      'unbalanced-braces',
      opens
        ? 'The opening brace "{" has no closing brace "}" at the end.'
        : 'The closing brace "}" has no opening brace "{" at the start.',
      (opens ? start : end - 1) + 1,
    );
  }
  if (opens) {
    start += 1;
    end -= 1;
  }
  if (end <= start) {
    throw new UuidError('empty', 'There is no UUID inside: expected 32 hexadecimal digits such as f81d4fae-7dec-11d0-a765-00a0c91e6bf6.');
  }

  let digits = '';
  for (let i = start; i < end; i++) {
    const ch = text[i] as string;
    if (ch === '-') continue;
    if (!HEX.test(ch)) {
      throw new UuidError(
        'bad-character',
        `Character ${describeChar(text, i)} at position ${i + 1} is not a hexadecimal digit (0-9, a-f) or a hyphen.`,
        i + 1,
      );
    }
    digits += ch;
  }
  if (digits.length !== 32) {
    throw new UuidError(
      'wrong-length',
      `A UUID has 32 hexadecimal digits; this has ${digits.length} (${digits.length < 32 ? 'too few' : 'too many'}).`,
    );
  }
  const body = text.slice(start, end);
  const groups = body.split('-').map((g) => g.length);
  const canonicalGroups = groups.length === 5 && groups.every((n, i) => n === GROUP_LENGTHS[i]);
  if (!canonicalGroups) {
    const firstBad = findFirstBadHyphen(body);
    throw new UuidError(
      'bad-hyphens',
      `Hyphens must split the 32 digits into groups of 8-4-4-4-12 (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx); ` +
        `these groups are ${groups.join('-')}.`,
      firstBad === undefined ? undefined : start + firstBad + 1,
    );
  }
  const uuid = body.toLowerCase();
  return { uuid, bytes: hexToBytes(digits) };
}

/** Index (0-based, within the body) of the first character that breaks the 8-4-4-4-12 pattern. */
function findFirstBadHyphen(body: string): number | undefined {
  const hyphenAt = new Set([8, 13, 18, 23]);
  for (let i = 0; i < body.length; i++) {
    if ((body[i] === '-') !== hyphenAt.has(i)) return i;
  }
  return body.length < 36 ? body.length : undefined;
}

export function hexToBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

/** 16 bytes to the canonical lowercase 8-4-4-4-12 text. */
export function bytesToUuid(bytes: Uint8Array): string {
  if (bytes.length !== 16) throw new UuidError('bad-option', `A UUID is 16 bytes; got ${bytes.length}.`);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
