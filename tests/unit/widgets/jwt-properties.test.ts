import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claimWarnings, decodeJwt, JwtError, verifyJwt } from '../../../src/widgets/jwt/model.ts';
import { RFC7515_A1_TOKEN } from './jwt-vectors.ts';

const b64u = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** Text that looks like a token: base64url-ish pieces, stray characters, 1 to 6 dots. */
const tokenish = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc
    .array(fc.oneof(fc.base64String(), fc.stringMatching(/^[A-Za-z0-9_\-+/=. ]{0,24}$/), fc.constantFrom('eyJhbGciOiJIUzI1NiJ9', 'e30', '')), {
      minLength: 1,
      maxLength: 6,
    })
    .map((parts) => parts.join('.')),
  fc.tuple(fc.json(), fc.json(), fc.string()).map(([h, p, s]) => `${b64u(h)}.${b64u(p)}.${s}`),
);

describe('decodeJwt never throws anything but JwtError', () => {
  it('on arbitrary and token-like strings', () => {
    fc.assert(
      fc.property(tokenish, (input) => {
        try {
          const d = decodeJwt(input);
          // Whatever decodes has the documented shape.
          expect(typeof d.header.alg).toBe('string');
          expect(typeof d.payload).toBe('object');
          expect(d.signingInput.split('.')).toHaveLength(2);
        } catch (e) {
          if (!(e instanceof JwtError)) throw new Error(`non-JwtError for ${JSON.stringify(input)}: ${String(e)}`);
          expect(e.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips any JSON object header (with a string alg) and payload', () => {
    const obj = fc.dictionary(fc.string(), fc.jsonValue());
    fc.assert(
      fc.property(obj, obj, fc.string(), fc.uint8Array(), (header, payload, alg, sig) => {
        const h = { ...header, alg };
        delete (h as Record<string, unknown>)['enc'];
        const signature = Buffer.from(sig).toString('base64url');
        const d = decodeJwt(`${b64u(JSON.stringify(h))}.${b64u(JSON.stringify(payload))}.${signature}`);
        expect(d.header).toEqual(JSON.parse(JSON.stringify(h)));
        expect(d.payload).toEqual(JSON.parse(JSON.stringify(payload)));
        expect(Buffer.from(d.signatureBytes).equals(Buffer.from(sig))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('verifyJwt never rejects', () => {
  const keyish = fc.oneof(
    fc.string(),
    fc.json(),
    fc.constant('{"keys":[]}'),
    fc.string().map((s) => `-----BEGIN PUBLIC KEY-----\n${s}\n-----END PUBLIC KEY-----`),
    fc.string().map((s) => `-----BEGIN CERTIFICATE-----\n${s}\n-----END CERTIFICATE-----`),
    fc.record({ kty: fc.constantFrom('oct', 'RSA', 'EC', 'OKP', 'x'), k: fc.base64String(), crv: fc.string(), x: fc.string(), alg: fc.string() }).map((o) =>
      JSON.stringify(o),
    ),
  );

  it('resolves { valid, alg } for arbitrary tokens and keys, and random input never verifies', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(tokenish, fc.constant(RFC7515_A1_TOKEN)), keyish, async (token, key) => {
        const r = await verifyJwt(token, key);
        expect(r.valid).toBe(false);
        expect(r.alg === null || typeof r.alg === 'string').toBe(true);
        expect(typeof r.error).toBe('string');
      }),
      { numRuns: 300 },
    );
  });

  it('resolves even for non-string arguments from untyped callers', async () => {
    const r = await verifyJwt(undefined as unknown as string, null as unknown as string);
    expect(r).toEqual({ valid: false, alg: null, error: 'A JWT is text; nothing textual was given.', notes: [] });
  });
});

describe('claimWarnings is total on decoded tokens', () => {
  it('returns a list of known codes for any payload and time', () => {
    const codes = new Set(['alg-none', 'expired', 'not-yet-valid', 'issued-in-future', 'no-exp', 'long-lifetime', 'sensitive-claim', 'bad-time-claim']);
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('exp', 'nbf', 'iat', 'password', 'sub', 'x'), fc.oneof(fc.double(), fc.integer(), fc.string(), fc.jsonValue())),
        fc.double({ noNaN: true }),
        (payload, nowMs) => {
          for (const w of claimWarnings({ header: { alg: 'HS256' }, payload }, nowMs)) expect(codes.has(w.code)).toBe(true);
        },
      ),
    );
  });
});
