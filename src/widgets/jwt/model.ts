/**
 * JWT widget model: decode (no key needed), verify (jose, algorithm pinned by the key), and claim
 * warnings at a given time. Pure: no DOM, no clock; verifyJwt uses Web Crypto through jose.
 */
export { decodeJwt, decodeJws, normalizeToken, JwtError } from './decode.ts';
export type { DecodedJwt, DecodedJws, JwtErrorCode, JwtHeader, JwtPart, JwtPayload, JwtSegments } from './decode.ts';
export { verifyJwt } from './verify.ts';
export type { VerifyResult } from './verify.ts';
export { ALGORITHMS_BY_KEY_TYPE, MIN_HMAC_KEY_BYTES, KeyError, algorithmsFor, detectKeyFormat } from './keys.ts';
export type { JwsAlgorithm, KeyFormat, KeyType } from './keys.ts';
export { claimWarnings, formatSeconds, isSensitiveClaimName, numericDateText, DEFAULT_MAX_LIFETIME_SEC } from './claims.ts';
export type { ClaimSeverity, ClaimWarning, ClaimWarningCode, ClaimWarningOptions, ClaimsInput } from './claims.ts';
