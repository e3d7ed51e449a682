/**
 * Decoding a JWT without verifying it: split the JWS Compact Serialization (RFC 7515 §7.1),
 * base64url-decode each part and parse the JSON, with an error message that tells a person what is
 * wrong. Decoding proves nothing about who made the token; verification lives in verify.ts.
 */
import { base64urlDecode, base64urlProblem } from './base64.ts';

export type JwtPart = 'token' | 'header' | 'payload' | 'signature';

export type JwtErrorCode =
  | 'not-a-string'
  | 'empty'
  | 'whitespace'
  | 'jwe'
  | 'part-count'
  | 'base64url'
  | 'utf8'
  | 'json'
  | 'not-an-object'
  | 'missing-alg';

/** The only error decodeJwt throws. `part` says which of the three parts is at fault. */
export class JwtError extends Error {
  override name = 'JwtError';
  readonly code: JwtErrorCode;
  readonly part: JwtPart;
  constructor(code: JwtErrorCode, part: JwtPart, message: string) {
    super(message);
    this.code = code;
    this.part = part;
  }
}

/** JOSE Header (RFC 7515 §4): "alg" is required; everything else is optional. */
export interface JwtHeader {
  alg: string;
  typ?: unknown;
  kid?: unknown;
  [name: string]: unknown;
}

/** JWT Claims Set (RFC 7519 §4): any JSON object. */
export type JwtPayload = Record<string, unknown>;

/** The three raw base64url parts exactly as they appear in the token. */
export interface JwtSegments {
  header: string;
  payload: string;
  signature: string;
}

/** A JWS whose payload has not been interpreted (it need not be JSON, e.g. RFC 8037 A.4). */
export interface DecodedJws {
  header: JwtHeader;
  payloadBytes: Uint8Array;
  /** The signature part as it appears in the token (base64url, possibly empty). */
  signature: string;
  signatureBytes: Uint8Array;
  /** ASCII(BASE64URL(UTF8(JWS Protected Header)) || '.' || BASE64URL(JWS Payload)), RFC 7515 §5.1. */
  signingInput: string;
  segments: JwtSegments;
  /** The token after trimming and removing a "Bearer " prefix: what was actually decoded. */
  token: string;
}

export interface DecodedJwt extends DecodedJws {
  payload: JwtPayload;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

const NAMES: Record<Exclude<JwtPart, 'token'>, string> = {
  header: 'header (part 1)',
  payload: 'payload (part 2)',
  signature: 'signature (part 3)',
};

/** People paste tokens from HTTP headers and logs: tolerate surrounding space and "Bearer ". */
export function normalizeToken(text: string): string {
  return text.trim().replace(/^bearer\s+/i, '');
}

function bytesOf(segment: string, part: Exclude<JwtPart, 'token'>): Uint8Array {
  const problem = base64urlProblem(segment);
  if (problem) throw new JwtError('base64url', part, `The ${NAMES[part]} is not valid base64url: it ${problem.message}.`);
  return base64urlDecode(segment);
}

function jsonObjectOf(segment: string, part: 'header' | 'payload'): Record<string, unknown> {
  const bytes = bytesOf(segment, part);
  if (bytes.length === 0) throw new JwtError('json', part, `The ${NAMES[part]} is empty; it must be a base64url-encoded JSON object.`);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new JwtError('utf8', part, `The ${NAMES[part]} decodes to bytes that are not UTF-8 text, so it cannot be JSON.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? ` (${e.message})` : '';
    throw new JwtError('json', part, `The ${NAMES[part]} decodes to text that is not valid JSON${detail}: ${preview(text)}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    throw new JwtError('not-an-object', part, `The ${NAMES[part]} is JSON ${kind}, but it must be a JSON object ({...}).`);
  }
  return value as Record<string, unknown>;
}

function preview(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 60 ? `${JSON.stringify(oneLine.slice(0, 60))}…` : JSON.stringify(oneLine);
}

/**
 * Splits and decodes a JWS compact token, leaving the payload as bytes. Throws only JwtError.
 */
export function decodeJws(token: string): DecodedJws {
  try {
    return decodeJwsUnsafe(token);
  } catch (e) {
    if (e instanceof JwtError) throw e;
    // Defensive: nothing above should throw anything else, but the contract is "only JwtError".
    throw new JwtError('json', 'token', `The token could not be decoded: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function decodeJwsUnsafe(input: string): DecodedJws {
  if (typeof input !== 'string') throw new JwtError('not-a-string', 'token', 'A JWT is text; nothing textual was given.');
  const token = normalizeToken(input);
  if (token === '') throw new JwtError('empty', 'token', 'The token is empty. Paste a JWT: three base64url parts separated by dots.');
  const ws = /\s/.exec(token);
  if (ws) {
    throw new JwtError(
      'whitespace',
      'token',
      `The token contains whitespace at character ${ws.index + 1}. A JWT has no spaces or line breaks; remove them (was it wrapped when copied?).`,
    );
  }
  const parts = token.split('.');
  if (parts.length === 5) {
    throw new JwtError(
      'jwe',
      'token',
      'This has five parts: it is an encrypted JWT (JWE, RFC 7516 §7.1), not a signed one. Its claims cannot be read without the decryption key.',
    );
  }
  if (parts.length !== 3) {
    const n = parts.length;
    throw new JwtError(
      'part-count',
      'token',
      `A signed JWT (JWS compact form) has exactly three parts separated by dots: header.payload.signature. This has ${n} part${n === 1 ? '' : 's'} (${n - 1} dot${n - 1 === 1 ? '' : 's'}).`,
    );
  }
  const [h = '', p = '', s = ''] = parts;
  const header = jsonObjectOf(h, 'header');
  if ('enc' in header) {
    throw new JwtError(
      'jwe',
      'header',
      'The header has an "enc" member, which only encrypted tokens (JWE) carry (RFC 7516 §9); a JWE has five parts, not three.',
    );
  }
  if (typeof header['alg'] !== 'string') {
    throw new JwtError(
      'missing-alg',
      'header',
      'The header has no "alg" string. Every JWS header must name its algorithm (RFC 7515 §4.1.1).',
    );
  }
  const payloadBytes = bytesOf(p, 'payload');
  const signatureBytes = bytesOf(s, 'signature');
  return {
    header: header as JwtHeader,
    payloadBytes,
    signature: s,
    signatureBytes,
    signingInput: `${h}.${p}`,
    segments: { header: h, payload: p, signature: s },
    token,
  };
}

/**
 * Decodes a JWT: returns { header, payload, signature, signingInput } and more, or throws a
 * JwtError whose message says what is wrong. The payload must be a JSON object (RFC 7519 §7.2).
 */
export function decodeJwt(token: string): DecodedJwt {
  const jws = decodeJws(token);
  let payload: JwtPayload;
  try {
    payload = jsonObjectOf(jws.segments.payload, 'payload');
  } catch (e) {
    if (e instanceof JwtError) throw e;
    throw new JwtError('json', 'payload', `The payload could not be decoded: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { ...jws, payload };
}
