/**
 * base64url checks for decodeJwt. jose does the decoding; this file only explains, in words a person
 * understands, why a segment is not base64url (jose's own message is a bare "not correctly encoded").
 */
import { base64url } from 'jose';

const URL_ALPHABET = /^[A-Za-z0-9_-]$/;

/** Why a base64url segment could not be decoded; `at` is the 0-based offending character index. */
export interface Base64Problem {
  reason: 'padding' | 'standard-base64' | 'bad-character' | 'bad-length';
  at: number;
  message: string;
}

/**
 * Finds what is wrong with a base64url segment as JWS Compact Serialization requires it
 * (RFC 7515 §2: URL-safe alphabet of RFC 4648 §5, trailing '=' omitted), or null when it is well formed.
 */
export function base64urlProblem(text: string): Base64Problem | null {
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (URL_ALPHABET.test(c)) continue;
    if (c === '=') {
      return { reason: 'padding', at: i, message: `has '=' padding at character ${i + 1}; base64url in a JWT omits padding (RFC 7515 §2)` };
    }
    if (c === '+' || c === '/') {
      return {
        reason: 'standard-base64',
        at: i,
        message: `has '${c}' at character ${i + 1}: that is standard base64; JWTs use base64url ('-' and '_' instead of '+' and '/')`,
      };
    }
    const shown = /\s/.test(c) ? 'whitespace' : JSON.stringify(c);
    return { reason: 'bad-character', at: i, message: `has ${shown} at character ${i + 1}, which is not a base64url character` };
  }
  // 4 characters carry 3 bytes; a lone trailing character carries only 6 bits, less than one byte.
  if (text.length % 4 === 1) {
    return { reason: 'bad-length', at: text.length - 1, message: `is ${text.length} characters long, which no byte sequence encodes to (length mod 4 = 1)` };
  }
  return null;
}

/** Decodes unpadded base64url; throws a TypeError carrying the problem's message when malformed. */
export function base64urlDecode(text: string): Uint8Array {
  const problem = base64urlProblem(text);
  if (problem) throw new TypeError(problem.message);
  return base64url.decode(text);
}
