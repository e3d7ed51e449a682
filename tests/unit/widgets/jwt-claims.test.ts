import { describe, expect, it } from 'vitest';
import { claimWarnings, decodeJwt, formatSeconds, isSensitiveClaimName, type ClaimsInput } from '../../../src/widgets/jwt/model.ts';
import { RFC7515_A1_TOKEN, RFC7515_A5_TOKEN } from './jwt-vectors.ts';

// RFC 7519 §3.1 example: "exp": 1300819380 = 2011-03-22T18:43:00Z.
const EXP_MS = 1300819380 * 1000;
const rfc = decodeJwt(RFC7515_A1_TOKEN);
const codes = (input: ClaimsInput, nowMs: number) => claimWarnings(input, nowMs).map((w) => w.code);
const token = (payload: Record<string, unknown>, alg = 'HS256'): ClaimsInput => ({ header: { alg }, payload });

describe('claimWarnings: RFC 7519 §3.1 example at chosen times', () => {
  it('one second before "exp": nothing to warn about', () => {
    expect(claimWarnings(rfc, EXP_MS - 1000)).toEqual([]);
  });

  it('at "exp" exactly it has expired (§4.1.4: now must be before exp)', () => {
    expect(claimWarnings(rfc, EXP_MS)).toEqual([
      { code: 'expired', severity: 'danger', claim: 'exp', message: 'Expired at 2011-03-22T18:43:00.000Z, 0s ago.' },
    ]);
    expect(claimWarnings(rfc, EXP_MS + 90_061_000)[0]?.message).toBe('Expired at 2011-03-22T18:43:00.000Z, 1d 1h 1m 1s ago.');
  });

  it('a leeway moves the boundary', () => {
    expect(claimWarnings(rfc, EXP_MS + 29_000, { leewaySec: 30 })).toEqual([]);
    expect(codes(rfc, EXP_MS + 30_000)).toEqual(['expired']);
  });
});

describe('claimWarnings: each rule', () => {
  it('alg none (RFC 7515 A.5 / RFC 7519 §6.1 token)', () => {
    const w = claimWarnings(decodeJwt(RFC7515_A5_TOKEN), EXP_MS - 1000);
    expect(w).toEqual([
      {
        code: 'alg-none',
        severity: 'danger',
        claim: 'alg',
        message: 'The header says "alg": "none": the token is unsecured (RFC 7519 §6), so anyone could have written it. Never accept it.',
      },
    ]);
  });

  it('not yet valid: before "nbf", not at it (§4.1.5: now must be after or equal)', () => {
    const t = token({ nbf: 1000, exp: 2000 });
    expect(codes(t, 999_999)).toEqual(['not-yet-valid']);
    expect(claimWarnings(t, 999_000)[0]?.message).toBe('Not valid before 1970-01-01T00:16:40.000Z, 1s from now.');
    expect(codes(t, 1_000_000)).toEqual([]);
  });

  it('issued in the future', () => {
    const t = token({ iat: 1000, exp: 2000 });
    expect(codes(t, 999_000)).toEqual(['issued-in-future']);
    expect(codes(t, 1_000_000)).toEqual([]);
  });

  it('no exp', () => {
    expect(claimWarnings(token({ iss: 'joe' }), 0)).toEqual([
      {
        code: 'no-exp',
        severity: 'warning',
        claim: 'exp',
        message: 'No "exp" (expiration time): the token never expires, so a leaked copy works forever unless it is revoked some other way.',
      },
    ]);
  });

  it('very long lifetime: more than 24 h from iat (or nbf, or now) to exp', () => {
    expect(codes(token({ iat: 0, exp: 86_400 }), 0)).toEqual([]);
    const long = claimWarnings(token({ iat: 0, exp: 86_401 }), 0);
    expect(long.map((w) => w.code)).toEqual(['long-lifetime']);
    expect(long[0]?.message).toMatch(/^Lives 1d 1s \(from "iat" to "exp"\), more than 1d\./);
    expect(codes(token({ nbf: 10, exp: 86_411 }), 10_000)).toEqual(['long-lifetime']);
    expect(codes(token({ exp: 86_401 }), 0)).toEqual(['long-lifetime']);
    expect(claimWarnings(token({ iat: 0, exp: 3601 }), 0, { maxLifetimeSec: 3600 }).map((w) => w.code)).toEqual(['long-lifetime']);
  });

  it('time claims that are not NumericDate numbers', () => {
    const w = claimWarnings(token({ exp: '1300819380' }), 0);
    expect(w.map((x) => [x.code, x.claim])).toEqual([['bad-time-claim', 'exp']]);
    expect(w[0]?.message).toContain('must be a NumericDate');
  });

  it('sensitive-looking claims, nested ones by path', () => {
    const w = claimWarnings(token({ exp: 10, password: 'x', user: { apiKey: 'k', name: 'n' }, className: 'c', shipping: 1 }), 0);
    expect(w.filter((x) => x.code === 'sensitive-claim').map((x) => x.claim)).toEqual(['password', 'user.apiKey']);
    const pk = claimWarnings(token({ exp: 10, blob: '-----BEGIN PRIVATE KEY-----\nMII' }), 0);
    expect(pk.map((x) => [x.code, x.severity, x.claim])).toEqual([['sensitive-claim', 'danger', 'blob']]);
  });

  it('several at once, in a fixed order', () => {
    expect(codes(token({ iat: 50, nbf: 50, password: 'p' }, 'none'), 0)).toEqual(['alg-none', 'no-exp', 'not-yet-valid', 'issued-in-future', 'sensitive-claim']);
  });
});

describe('helpers', () => {
  it('isSensitiveClaimName splits words, so "className" and "spin" are not flagged', () => {
    for (const name of ['password', 'client_secret', 'api_key', 'apiKey', 'credit-card', 'cardNumber', 'SSN', 'date_of_birth', 'user pin']) {
      expect(isSensitiveClaimName(name), name).toBe(true);
    }
    for (const name of ['className', 'spin', 'sub', 'scope', 'keyboard', 'passenger', 'http://example.com/is_root']) {
      expect(isSensitiveClaimName(name), name).toBe(false);
    }
  });

  it('formatSeconds', () => {
    expect(formatSeconds(0)).toBe('0s');
    expect(formatSeconds(59)).toBe('59s');
    expect(formatSeconds(3600)).toBe('1h');
    expect(formatSeconds(90_061)).toBe('1d 1h 1m 1s');
  });
});
