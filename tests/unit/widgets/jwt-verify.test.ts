import { createHmac, createPublicKey } from 'node:crypto';
import { compactVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { verifyJwt } from '../../../src/widgets/jwt/model.ts';
import {
  JWT_PWN_HS256,
  JWT_PWN_HS384,
  JWT_PWN_HS512,
  JWT_PWN_SECRET,
  RFC7515_A1_JWK,
  RFC7515_A1_TOKEN,
  RFC7515_A2_CERT_PEM,
  RFC7515_A2_JWK,
  RFC7515_A2_TOKEN,
  RFC7515_A3_JWK,
  RFC7515_A3_TOKEN,
  RFC7515_A5_TOKEN,
} from './jwt-vectors.ts';

const b64u = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const SIGNATURE_MISMATCH =
  'The signature does not match: the token was changed after it was signed, or it was signed with a different key.';

/** The public half of an RFC JWK, as a verifier would publish it. */
function publicJwk(jwk: Record<string, string>): Record<string, string> {
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub } = jwk;
  return pub;
}
/** SPKI PEM of an RFC JWK, computed by node:crypto (an independent reference for the conversion). */
function spkiPem(jwk: Record<string, string>): string {
  return createPublicKey({ key: publicJwk(jwk), format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString();
}
/** A token whose payload was swapped after signing: must never verify. */
function tamper(token: string): string {
  const [h, , s] = token.split('.');
  return `${h}.${b64u('{"iss":"joe","exp":1300819380,"http://example.com/is_root":true,"admin":true}')}.${s}`;
}
/** HS256 over header.payload with the given key bytes, computed by node:crypto. */
function hs256(headerJson: string, payloadJson: string, key: string | Buffer): string {
  const input = `${b64u(headerJson)}.${b64u(payloadJson)}`;
  return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
}

describe('verifyJwt: RFC 7515 Appendix A.1 (HS256, with the RFC JWK)', () => {
  it('verifies the RFC token with its oct JWK', async () => {
    expect(await verifyJwt(RFC7515_A1_TOKEN, JSON.stringify(RFC7515_A1_JWK))).toEqual({
      valid: true,
      alg: 'HS256',
      keyFormat: 'jwk',
      keyType: 'oct',
      algorithms: ['HS256', 'HS384', 'HS512'],
      notes: [],
    });
  });

  it('rejects a tampered payload and a different key', async () => {
    const r = await verifyJwt(tamper(RFC7515_A1_TOKEN), JSON.stringify(RFC7515_A1_JWK));
    expect(r).toMatchObject({ valid: false, alg: 'HS256', error: SIGNATURE_MISMATCH });
    const other = { kty: 'oct', k: RFC7515_A1_JWK.k.replace('A', 'B') };
    expect(await verifyJwt(RFC7515_A1_TOKEN, JSON.stringify(other))).toMatchObject({ valid: false, error: SIGNATURE_MISMATCH });
  });

  it('pins to the JWK "alg" when it names one (RFC 7517 §4.4)', async () => {
    const r = await verifyJwt(RFC7515_A1_TOKEN, JSON.stringify({ ...RFC7515_A1_JWK, alg: 'HS512' }));
    expect(r).toMatchObject({ valid: false, algorithms: ['HS512'] });
    expect(r.error).toBe('The token says "alg": "HS256", but this oct JWK can only verify HS512.');
  });
});

describe('verifyJwt: shared secrets as text', () => {
  // mazen160/jwt-pwn jwt-example-tokens.md, Examples 2-4: secret "1234".
  it.each([
    ['HS256', JWT_PWN_HS256, 'sha256', 32],
    ['HS384', JWT_PWN_HS384, 'sha384', 48],
    ['HS512', JWT_PWN_HS512, 'sha512', 64],
  ] as const)('%s example verifies with "1234", with a short-secret note', async (alg, token, hash, min) => {
    // The published signature is HMAC(secret, signing input): recomputed with node:crypto.
    const [h, p, s] = token.split('.');
    expect(createHmac(hash, JWT_PWN_SECRET).update(`${h}.${p}`).digest('base64url')).toBe(s);
    expect(await verifyJwt(token, JWT_PWN_SECRET)).toEqual({
      valid: true,
      alg,
      keyFormat: 'secret',
      keyType: 'oct',
      algorithms: ['HS256', 'HS384', 'HS512'],
      notes: [`The secret is 4 bytes; RFC 7518 §3.2 requires at least ${min} bytes for ${alg}. Short secrets can be guessed offline from any one token.`],
    });
  });

  it('the secret is the exact text: "1234 " (trailing space) is a different key', async () => {
    expect(await verifyJwt(JWT_PWN_HS256, '1234 ')).toMatchObject({ valid: false, error: SIGNATURE_MISMATCH });
    expect(await verifyJwt(JWT_PWN_HS256, '12345')).toMatchObject({ valid: false, error: SIGNATURE_MISMATCH });
  });

  it('a secret cannot verify an RS256 token', async () => {
    expect(await verifyJwt(RFC7515_A2_TOKEN, JWT_PWN_SECRET)).toMatchObject({
      valid: false,
      alg: 'RS256',
      error: 'The token says "alg": "RS256", but a shared secret can only verify HS256, HS384, HS512.',
    });
  });
});

describe('verifyJwt: RFC 7515 Appendix A.2 (RS256)', () => {
  const pub = JSON.stringify(publicJwk(RFC7515_A2_JWK));
  const RSA_ALGS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];

  it('verifies with the public JWK', async () => {
    expect(await verifyJwt(RFC7515_A2_TOKEN, pub)).toEqual({ valid: true, alg: 'RS256', keyFormat: 'jwk', keyType: 'RSA', algorithms: RSA_ALGS, notes: [] });
  });

  it('verifies with the JWK as printed in the RFC, using only its public part', async () => {
    const r = await verifyJwt(RFC7515_A2_TOKEN, JSON.stringify(RFC7515_A2_JWK));
    expect(r.valid).toBe(true);
    expect(r.notes).toEqual(['The JWK holds a private key; only its public part was used. Never paste private keys into a web page.']);
  });

  it('verifies with the key as an SPKI PEM and as an X.509 certificate', async () => {
    expect(await verifyJwt(RFC7515_A2_TOKEN, spkiPem(RFC7515_A2_JWK))).toMatchObject({ valid: true, keyFormat: 'pem-spki', keyType: 'RSA', algorithms: RSA_ALGS });
    const cert = await verifyJwt(RFC7515_A2_TOKEN, RFC7515_A2_CERT_PEM);
    expect(cert).toMatchObject({ valid: true, keyFormat: 'pem-x509', keyType: 'RSA' });
    expect(cert.notes).toEqual(["Only the certificate's public key was used: its validity dates and issuer were not checked."]);
  });

  it('rejects a tampered payload', async () => {
    expect(await verifyJwt(tamper(RFC7515_A2_TOKEN), pub)).toMatchObject({ valid: false, error: SIGNATURE_MISMATCH });
    expect(await verifyJwt(tamper(RFC7515_A2_TOKEN), spkiPem(RFC7515_A2_JWK))).toMatchObject({ valid: false, error: SIGNATURE_MISMATCH });
  });

  it('refuses a private key PEM', async () => {
    const r = await verifyJwt(RFC7515_A2_TOKEN, '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----');
    expect(r).toMatchObject({ valid: false, error: 'This is a private key (PRIVATE KEY). Verifying needs only the public key: never paste a private key into a web page.' });
  });
});

describe('verifyJwt: RFC 7515 Appendix A.3 (ES256)', () => {
  it('verifies the RFC token with the P-256 JWK and as SPKI PEM', async () => {
    expect(await verifyJwt(RFC7515_A3_TOKEN, JSON.stringify(publicJwk(RFC7515_A3_JWK)))).toEqual({
      valid: true,
      alg: 'ES256',
      keyFormat: 'jwk',
      keyType: 'EC P-256',
      algorithms: ['ES256'],
      notes: [],
    });
    expect(await verifyJwt(RFC7515_A3_TOKEN, spkiPem(RFC7515_A3_JWK))).toMatchObject({ valid: true, keyFormat: 'pem-spki', keyType: 'EC P-256', algorithms: ['ES256'] });
  });

  it('rejects a tampered payload, and the RSA key for an ES256 token', async () => {
    expect(await verifyJwt(tamper(RFC7515_A3_TOKEN), spkiPem(RFC7515_A3_JWK))).toMatchObject({ valid: false, error: SIGNATURE_MISMATCH });
    expect(await verifyJwt(RFC7515_A3_TOKEN, spkiPem(RFC7515_A2_JWK))).toMatchObject({
      valid: false,
      error: 'The token says "alg": "ES256", but this RSA public key can only verify RS256, RS384, RS512, PS256, PS384, PS512.',
    });
  });
});

describe('verifyJwt: JWK Sets (RFC 7517 §5), with the keys of RFC 7515 A.6', () => {
  // A.6 names the A.2 key "2010-12-29" and the A.3 key "e9bc097a-ce51-4036-9562-d2ade882db0d".
  const set = JSON.stringify({
    keys: [
      { ...publicJwk(RFC7515_A2_JWK), kid: '2010-12-29' },
      { ...RFC7515_A3_JWK, kid: 'e9bc097a-ce51-4036-9562-d2ade882db0d' },
    ],
  });

  it('picks the key by type when the token has no kid, and verifies A.2 and A.3', async () => {
    expect(await verifyJwt(RFC7515_A2_TOKEN, set)).toMatchObject({ valid: true, alg: 'RS256', keyFormat: 'jwks' });
    const es = await verifyJwt(RFC7515_A3_TOKEN, set);
    expect(es).toMatchObject({ valid: true, alg: 'ES256', keyFormat: 'jwks' });
    expect(es.notes).toEqual(['The JWK Set holds private keys; only their public parts were used.']);
  });

  it('tries every matching key when several fit', async () => {
    const two = JSON.stringify({ keys: [{ ...publicJwk(RFC7515_A3_JWK), x: publicJwk(RFC7515_A2_JWK)['n']?.slice(0, 43) }, publicJwk(RFC7515_A3_JWK)] });
    expect(await verifyJwt(RFC7515_A3_TOKEN, two)).toMatchObject({ valid: true });
  });

  it('reports no matching kid, and HS256 tokens against a public set', async () => {
    const kidToken = `${b64u('{"alg":"ES256","kid":"other"}')}.${RFC7515_A3_TOKEN.split('.').slice(1).join('.')}`;
    expect(await verifyJwt(kidToken, set)).toMatchObject({ valid: false, error: 'No key in the JWK Set matches alg "ES256" and kid "other".' });
    expect(await verifyJwt(RFC7515_A1_TOKEN, set)).toMatchObject({
      valid: false,
      error: 'The token says "alg": "HS256", but the keys in this JWK Set can only verify RS256, RS384, RS512, PS256, PS384, PS512, ES256.',
    });
  });
});

describe('verifyJwt: algorithm confusion and alg none are refused', () => {
  it('an RS256 public key used as an HS256 secret is rejected (RFC 8725 §2.1)', async () => {
    const pem = spkiPem(RFC7515_A2_JWK);
    const forged = hs256('{"alg":"HS256"}', '{"iss":"joe","admin":true}', pem);
    // The forgery is a genuine HMAC over the PEM text: a verifier that let the token pick HS256 would accept it.
    const naive = await compactVerify(forged, new TextEncoder().encode(pem));
    expect(naive.protectedHeader.alg).toBe('HS256');
    const r = await verifyJwt(forged, pem);
    expect(r).toMatchObject({ valid: false, alg: 'HS256', keyFormat: 'pem-spki', keyType: 'RSA' });
    expect(r.error).toBe(
      'The token says "alg": "HS256", but this RSA public key can only verify RS256, RS384, RS512, PS256, PS384, PS512. ' +
        'Using a public key as an HMAC secret is the "algorithm confusion" attack (RFC 8725 §2.1): anyone could forge such a token.',
    );
  });

  it('the same with the key pasted as a JWK, or as a certificate', async () => {
    const jwkText = JSON.stringify(publicJwk(RFC7515_A2_JWK));
    expect(await verifyJwt(hs256('{"alg":"HS256"}', '{}', jwkText), jwkText)).toMatchObject({ valid: false, keyType: 'RSA' });
    expect(await verifyJwt(hs256('{"alg":"HS256"}', '{}', RFC7515_A2_CERT_PEM), RFC7515_A2_CERT_PEM)).toMatchObject({ valid: false, keyFormat: 'pem-x509' });
  });

  it('alg none (RFC 7515 A.5) is never accepted, whatever the key', async () => {
    const r = await verifyJwt(RFC7515_A5_TOKEN, JWT_PWN_SECRET);
    expect(r).toEqual({
      valid: false,
      alg: 'none',
      error: 'The token says "alg": "none": it is unsecured (RFC 7515 Appendix A.5) and proves nothing about who made it. It is never accepted.',
      notes: [],
    });
    const shouty = `${b64u('{"alg":"NONE"}')}.${RFC7515_A5_TOKEN.split('.')[1]}.`;
    expect(await verifyJwt(shouty, '')).toMatchObject({ valid: false, alg: 'NONE' });
  });
});

describe('verifyJwt: unreadable input resolves with an error', () => {
  it('bad token: alg null and the decoder message', async () => {
    expect(await verifyJwt('abc', JWT_PWN_SECRET)).toEqual({
      valid: false,
      alg: null,
      error: 'A signed JWT (JWS compact form) has exactly three parts separated by dots: header.payload.signature. This has 1 part (0 dots).',
      notes: [],
    });
  });

  it('missing, malformed and unsupported keys', async () => {
    expect((await verifyJwt(RFC7515_A1_TOKEN, '  ')).error).toBe('No key was given. Paste a shared secret, a PEM public key or certificate, a JWK or a JWK Set.');
    expect((await verifyJwt(RFC7515_A1_TOKEN, '{"kty":')).error).toMatch(/^The JWK is not valid JSON \(/);
    expect((await verifyJwt(RFC7515_A1_TOKEN, '{"kty":"oct","k":"abc","use":"enc"}')).error).toBe(
      'The JWK has "use": "enc"; only "sig" keys verify signatures (RFC 7517 §4.2).',
    );
    expect((await verifyJwt(RFC7515_A2_TOKEN, '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----')).error).toMatch(
      /^The public key could not be read as an RSA, EC \(P-256, P-384, P-521\) or Ed25519 public key/,
    );
    expect((await verifyJwt(RFC7515_A1_TOKEN, '{"keys":[{"kty":"oct","k":"abc"}]}')).error).toBe(
      'No key in the JWK Set can verify signatures. Key #1 in the set is a symmetric ("oct") key; paste it alone as a JWK to use it.',
    );
  });
});
