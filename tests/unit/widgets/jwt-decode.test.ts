import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeJwt, decodeJws, JwtError } from '../../../src/widgets/jwt/model.ts';
import {
  RFC7515_A1_HEADER_TEXT,
  RFC7515_A1_JWK,
  RFC7515_A1_PAYLOAD_TEXT,
  RFC7515_A1_SIGNING_INPUT,
  RFC7515_A1_TOKEN,
  RFC7515_A2_TOKEN,
  RFC7515_A5_TOKEN,
  RFC7516_A2_JWE,
} from './jwt-vectors.ts';

const b64u = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

/** Calls decodeJwt expecting a JwtError and returns it. */
function failure(token: string): JwtError {
  try {
    decodeJwt(token);
  } catch (e) {
    if (e instanceof JwtError) return e;
    throw new Error(`threw a non-JwtError: ${String(e)}`);
  }
  throw new Error('decodeJwt did not throw');
}

describe('decodeJwt: RFC 7515 Appendix A.1 / RFC 7519 §3.1 example', () => {
  const d = decodeJwt(RFC7515_A1_TOKEN);

  it('decodes the JOSE header and claims exactly', () => {
    expect(d.header).toEqual({ typ: 'JWT', alg: 'HS256' });
    expect(d.payload).toEqual({ iss: 'joe', exp: 1300819380, 'http://example.com/is_root': true });
  });

  it('keeps the exact octets the RFC signs (CRLF line breaks included)', () => {
    expect(text(decodeJws(RFC7515_A1_TOKEN).payloadBytes)).toBe(RFC7515_A1_PAYLOAD_TEXT);
    expect(Buffer.from(d.segments.header, 'base64url').toString('utf8')).toBe(RFC7515_A1_HEADER_TEXT);
  });

  it('returns the signing input (RFC 7515 §5.1) and the signature part', () => {
    expect(d.signingInput).toBe(RFC7515_A1_SIGNING_INPUT);
    expect(d.signature).toBe('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk');
    // The signature bytes are HMAC-SHA256(key, signing input): recomputed with node:crypto.
    const mac = createHmac('sha256', Buffer.from(RFC7515_A1_JWK.k, 'base64url')).update(RFC7515_A1_SIGNING_INPUT).digest();
    expect(Buffer.from(d.signatureBytes).equals(mac)).toBe(true);
  });

  it('accepts the token with surrounding space and a "Bearer " prefix, as pasted from an HTTP header', () => {
    const pasted = decodeJwt(`  Bearer ${RFC7515_A1_TOKEN}\n`);
    expect(pasted.token).toBe(RFC7515_A1_TOKEN);
    expect(pasted.payload).toEqual(d.payload);
  });
});

describe('decodeJwt: other RFC 7515 examples', () => {
  it('A.2 (RS256): header {"alg":"RS256"} and a 256-byte RSA signature', () => {
    const d = decodeJwt(RFC7515_A2_TOKEN);
    expect(d.header).toEqual({ alg: 'RS256' });
    expect(d.payload).toEqual({ iss: 'joe', exp: 1300819380, 'http://example.com/is_root': true });
    expect(d.signatureBytes.length).toBe(256);
  });

  it('A.5 / RFC 7519 §6.1 (unsecured): decodes, with alg none and an empty signature', () => {
    const d = decodeJwt(RFC7515_A5_TOKEN);
    expect(d.header).toEqual({ alg: 'none' });
    expect(d.signature).toBe('');
    expect(d.signatureBytes.length).toBe(0);
    expect(d.payload['iss']).toBe('joe');
  });
});

describe('decodeJwt: errors say what is wrong', () => {
  it('wrong part count', () => {
    expect(failure('abc')).toMatchObject({
      code: 'part-count',
      message: 'A signed JWT (JWS compact form) has exactly three parts separated by dots: header.payload.signature. This has 1 part (0 dots).',
    });
    expect(failure('a.b').message).toContain('This has 2 parts (1 dot).');
    expect(failure(`${RFC7515_A1_TOKEN}.x`).message).toContain('This has 4 parts (3 dots).');
  });

  it('five parts is a JWE (RFC 7516 A.2.7 example), not a JWS', () => {
    const e = failure(RFC7516_A2_JWE);
    expect(e.code).toBe('jwe');
    expect(e.message).toBe(
      'This has five parts: it is an encrypted JWT (JWE, RFC 7516 §7.1), not a signed one. Its claims cannot be read without the decryption key.',
    );
  });

  it('a three-part token whose header has "enc" is called out as JWE too', () => {
    const e = failure(`${b64u('{"alg":"RSA1_5","enc":"A128CBC-HS256"}')}.${b64u('{}')}.`);
    expect(e).toMatchObject({ code: 'jwe', part: 'header' });
  });

  it('bad base64url: standard-base64 characters, padding, foreign characters, impossible length', () => {
    const [h, p, s] = RFC7515_A1_TOKEN.split('.') as [string, string, string];
    const plus = failure(`${h}.${p}.${s.replace('-', '+')}`);
    expect(plus).toMatchObject({ code: 'base64url', part: 'signature' });
    expect(plus.message).toBe(
      "The signature (part 3) is not valid base64url: it has '+' at character 13: that is standard base64; JWTs use base64url ('-' and '_' instead of '+' and '/').",
    );
    expect(failure(`${h}=.${p}.${s}`).message).toBe(
      "The header (part 1) is not valid base64url: it has '=' padding at character 41; base64url in a JWT omits padding (RFC 7515 §2).",
    );
    expect(failure(`${h}.${p}*.${s}`)).toMatchObject({ code: 'base64url', part: 'payload' });
    expect(failure(`${h}.${p}.${s}AA`).message).toContain('is 45 characters long, which no byte sequence encodes to (length mod 4 = 1)');
  });

  it('bad JSON in the header or payload', () => {
    const e = failure(`${b64u('{"alg":"HS256"')}.${b64u('{}')}.`);
    expect(e).toMatchObject({ code: 'json', part: 'header' });
    expect(e.message).toMatch(/^The header \(part 1\) decodes to text that is not valid JSON \(.+\): "\{\\"alg\\":\\"HS256\\""$/);
    expect(failure(`${b64u('{"alg":"HS256"}')}.${b64u('not json')}.`)).toMatchObject({ code: 'json', part: 'payload' });
  });

  it('JSON that is not an object, header without alg, bytes that are not UTF-8', () => {
    expect(failure(`${b64u('["alg"]')}.${b64u('{}')}.`)).toMatchObject({
      code: 'not-an-object',
      message: 'The header (part 1) is JSON an array, but it must be a JSON object ({...}).',
    });
    expect(failure(`${b64u('{"typ":"JWT"}')}.${b64u('{}')}.`)).toMatchObject({ code: 'missing-alg' });
    expect(failure(`${b64u('{"alg":"HS256"}')}.${b64u('42')}.`)).toMatchObject({ code: 'not-an-object', part: 'payload' });
    expect(failure(`${b64u('{"alg":"HS256"}')}.${Buffer.from([0xff, 0xfe]).toString('base64url')}.`)).toMatchObject({ code: 'utf8', part: 'payload' });
  });

  it('empty input and inner whitespace', () => {
    expect(failure('   ')).toMatchObject({ code: 'empty' });
    const e = failure(RFC7515_A1_TOKEN.replace('.', '.\n'));
    expect(e.code).toBe('whitespace');
    expect(e.message).toContain('at character 42');
  });

  it('errors are JwtError instances with name "JwtError"', () => {
    const e = failure('x');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('JwtError');
  });
});
