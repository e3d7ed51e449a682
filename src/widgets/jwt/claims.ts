/**
 * What a person should notice about a decoded token's claims, judged at a given time (nowMs is passed
 * in so the model stays pure). Time claims are NumericDate values: seconds since the epoch (RFC 7519 §2).
 */
import type { DecodedJwt } from './decode.ts';

export type ClaimWarningCode =
  | 'alg-none'
  | 'expired'
  | 'not-yet-valid'
  | 'issued-in-future'
  | 'no-exp'
  | 'long-lifetime'
  | 'sensitive-claim'
  | 'bad-time-claim';

export type ClaimSeverity = 'danger' | 'warning' | 'info';

export interface ClaimWarning {
  code: ClaimWarningCode;
  severity: ClaimSeverity;
  /** The claim (or header member) concerned, as a dotted path for nested claims. */
  claim: string;
  message: string;
}

export interface ClaimWarningOptions {
  /** Allowed clock skew in seconds, as RFC 7519 §4.1.4/§4.1.5 permit ("a small leeway"). Default 0. */
  leewaySec?: number;
  /** Lifetimes (exp minus iat, or nbf, or now) above this are flagged. Default 24 hours. */
  maxLifetimeSec?: number;
}

export const DEFAULT_MAX_LIFETIME_SEC = 24 * 60 * 60;

/** The parts of a decoded token claimWarnings reads. */
export type ClaimsInput = Pick<DecodedJwt, 'header' | 'payload'>;

/** "1d 2h 3m 4s" style, for messages. */
export function formatSeconds(totalSec: number): string {
  let s = Math.round(Math.abs(totalSec));
  const parts: string[] = [];
  for (const [unit, size] of [['d', 86400], ['h', 3600], ['m', 60]] as const) {
    if (s >= size) {
      parts.push(`${Math.floor(s / size)}${unit}`);
      s %= size;
    }
  }
  if (s > 0 || parts.length === 0) parts.push(`${s}s`);
  return parts.join(' ');
}

/** ISO 8601 text of a NumericDate, or the raw number when it is outside the range a Date can show. */
export function numericDateText(sec: number): string {
  const ms = sec * 1000;
  return Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : `${sec} (seconds since 1970)`;
}

/**
 * Claim names that suggest secrets or personal data. A JWS payload is only base64url-encoded,
 * not encrypted: anyone holding the token can read it (RFC 7519 §12).
 */
const SENSITIVE_WORDS = new Set(['password', 'passwd', 'pwd', 'passcode', 'passphrase', 'secret', 'ssn', 'cvv', 'cvc', 'iban', 'pin']);
const SENSITIVE_PAIRS = new Set(['apikey', 'privatekey', 'creditcard', 'cardnumber', 'accesskey', 'socialsecurity', 'birthdate', 'dateofbirth', 'refreshtoken']);

/** Splits snake_case, kebab-case, camelCase and "spaced names" into lowercase words. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
}

export function isSensitiveClaimName(name: string): boolean {
  const w = words(name);
  if (w.some((x) => SENSITIVE_WORDS.has(x) || SENSITIVE_PAIRS.has(x))) return true;
  // "api_key", "creditCard", "date_of_birth": the pair or triple joined is the telling name.
  for (let i = 0; i + 1 < w.length; i++) {
    const two = `${w[i]}${w[i + 1]}`;
    if (SENSITIVE_PAIRS.has(two) || (i + 2 < w.length && SENSITIVE_PAIRS.has(`${two}${w[i + 2]}`))) return true;
  }
  return false;
}

function sensitiveClaims(value: unknown, path: string, out: ClaimWarning[], depth: number): void {
  if (depth > 8 || typeof value !== 'object' || value === null || Array.isArray(value)) return;
  for (const [name, inner] of Object.entries(value)) {
    const here = path === '' ? name : `${path}.${name}`;
    if (isSensitiveClaimName(name)) {
      out.push({
        code: 'sensitive-claim',
        severity: 'warning',
        claim: here,
        message: `"${here}" looks like a secret or personal data. A signed JWT is not encrypted: anyone who holds the token can read it.`,
      });
    } else if (typeof inner === 'string' && /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(inner)) {
      out.push({ code: 'sensitive-claim', severity: 'danger', claim: here, message: `"${here}" contains a private key, readable by anyone who holds the token.` });
    } else {
      sensitiveClaims(inner, here, out, depth + 1);
    }
  }
}

/** Reads a NumericDate claim: the number, undefined when absent, or a warning when malformed. */
function timeClaim(payload: Record<string, unknown>, name: 'exp' | 'nbf' | 'iat', out: ClaimWarning[]): number | undefined {
  const v = payload[name];
  if (v === undefined) return undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  out.push({
    code: 'bad-time-claim',
    severity: 'danger',
    claim: name,
    message: `"${name}" is ${JSON.stringify(v)}, but it must be a NumericDate: a JSON number of seconds since 1970-01-01T00:00:00Z (RFC 7519 §2). Verifiers will reject or misread it.`,
  });
  return undefined;
}

/**
 * Lists what is worth a warning in a decoded token at time nowMs: alg none, expired, not yet valid,
 * issued in the future, no exp, very long lifetime, sensitive-looking claims, malformed time claims.
 * Boundaries follow RFC 7519: valid while now < exp (§4.1.4) and now >= nbf (§4.1.5).
 */
export function claimWarnings(decoded: ClaimsInput, nowMs: number, options: ClaimWarningOptions = {}): ClaimWarning[] {
  const leeway = options.leewaySec ?? 0;
  const maxLifetime = options.maxLifetimeSec ?? DEFAULT_MAX_LIFETIME_SEC;
  const now = nowMs / 1000;
  const out: ClaimWarning[] = [];
  const alg = decoded.header.alg;
  if (typeof alg === 'string' && alg.toLowerCase() === 'none') {
    out.push({
      code: 'alg-none',
      severity: 'danger',
      claim: 'alg',
      message: `The header says "alg": "${alg}": the token is unsecured (RFC 7519 §6), so anyone could have written it. Never accept it.`,
    });
  }
  const payload = decoded.payload;
  const exp = timeClaim(payload, 'exp', out);
  const nbf = timeClaim(payload, 'nbf', out);
  const iat = timeClaim(payload, 'iat', out);
  if (exp !== undefined) {
    if (now >= exp + leeway) {
      out.push({
        code: 'expired',
        severity: 'danger',
        claim: 'exp',
        message: `Expired at ${numericDateText(exp)}, ${formatSeconds(now - exp)} ago.`,
      });
    }
  } else if (payload['exp'] === undefined) {
    out.push({
      code: 'no-exp',
      severity: 'warning',
      claim: 'exp',
      message: 'No "exp" (expiration time): the token never expires, so a leaked copy works forever unless it is revoked some other way.',
    });
  }
  if (nbf !== undefined && now < nbf - leeway) {
    out.push({
      code: 'not-yet-valid',
      severity: 'warning',
      claim: 'nbf',
      message: `Not valid before ${numericDateText(nbf)}, ${formatSeconds(nbf - now)} from now.`,
    });
  }
  if (iat !== undefined && iat - leeway > now) {
    out.push({
      code: 'issued-in-future',
      severity: 'warning',
      claim: 'iat',
      message: `Issued at ${numericDateText(iat)}, ${formatSeconds(iat - now)} in the future: the issuer's clock is ahead, or the value is wrong.`,
    });
  }
  if (exp !== undefined) {
    const [start, from] = iat !== undefined ? [iat, '"iat"'] : nbf !== undefined ? [nbf, '"nbf"'] : [now, 'now'];
    const lifetime = exp - start;
    if (lifetime > maxLifetime) {
      out.push({
        code: 'long-lifetime',
        severity: 'warning',
        claim: 'exp',
        message: `Lives ${formatSeconds(lifetime)} (from ${from} to "exp"), more than ${formatSeconds(maxLifetime)}. Long-lived bearer tokens are worth more to a thief; prefer short lifetimes with refresh.`,
      });
    }
  }
  sensitiveClaims(payload, '', out, 0);
  return out;
}
