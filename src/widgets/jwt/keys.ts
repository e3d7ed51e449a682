/**
 * What kind of key a person pasted, and which JWS algorithms it may verify.
 *
 * Letting the token's "alg" header pick how a key is used is the classic JWT hole: an RSA public key
 * fed to HMAC as a "secret" (algorithm confusion), or "none" switching verification off. RFC 8725
 * §3.1 asks verifiers to fix the algorithms, and §3.2/RFC 7517 §4.4 tie a key to one algorithm
 * family. So the key's type decides the family here; the token may only pick a hash size inside it.
 * Parsing and importing key material is left to jose (importSPKI, importX509, importJWK).
 */

export type KeyFormat = 'secret' | 'pem-spki' | 'pem-x509' | 'jwk' | 'jwks';

/** JWS algorithms (RFC 7518 §3.1, RFC 8037 §3.1, RFC 9864) the verifier accepts. "none" is never one. */
export type JwsAlgorithm =
  | 'HS256'
  | 'HS384'
  | 'HS512'
  | 'RS256'
  | 'RS384'
  | 'RS512'
  | 'PS256'
  | 'PS384'
  | 'PS512'
  | 'ES256'
  | 'ES384'
  | 'ES512'
  | 'EdDSA'
  | 'Ed25519';

/** Algorithm families by key type: RFC 7518 §3.2 (HMAC), §3.3 and §3.5 (RSA), §3.4 (ECDSA, one curve each), RFC 8037 §3.1. */
export const ALGORITHMS_BY_KEY_TYPE = {
  oct: ['HS256', 'HS384', 'HS512'],
  RSA: ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'],
  'EC P-256': ['ES256'],
  'EC P-384': ['ES384'],
  'EC P-521': ['ES512'],
  'OKP Ed25519': ['EdDSA', 'Ed25519'],
} as const satisfies Record<string, readonly JwsAlgorithm[]>;

export type KeyType = keyof typeof ALGORITHMS_BY_KEY_TYPE;

export function algorithmsFor(keyType: KeyType): JwsAlgorithm[] {
  return [...ALGORITHMS_BY_KEY_TYPE[keyType]];
}

/** RFC 7518 §3.2: an HMAC key must be at least as long as the hash output (32, 48, 64 bytes). */
export const MIN_HMAC_KEY_BYTES: Record<'HS256' | 'HS384' | 'HS512', number> = { HS256: 32, HS384: 48, HS512: 64 };

/** Thrown while reading a key; its message is written for the person who pasted it. */
export class KeyError extends Error {
  override name = 'KeyError';
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/;

/**
 * What a key text looks like. Anything holding a PEM armour line is PEM, and anything starting with
 * "{" is JSON: such text is never treated as an HMAC secret, which is what stops algorithm confusion.
 */
export function detectKeyFormat(text: string): KeyFormat {
  const t = text.trim();
  const pem = /-----BEGIN ([A-Z0-9 ]+)-----/.exec(t);
  if (pem) return pem[1] === 'CERTIFICATE' ? 'pem-x509' : 'pem-spki';
  if (t.startsWith('{')) {
    try {
      const v: unknown = JSON.parse(t);
      if (typeof v === 'object' && v !== null && 'keys' in v) return 'jwks';
    } catch {
      // Not JSON after all; reported when it is read as a JWK.
    }
    return 'jwk';
  }
  return 'secret';
}

/** The first PEM block as jose's importSPKI / importX509 expect it, or a KeyError saying why not. */
export function firstPemBlock(text: string): { label: string; pem: string; count: number } {
  const m = PEM_BLOCK.exec(text);
  if (!m) throw new KeyError('This looks like PEM but has no complete -----BEGIN ...----- / -----END ...----- block with matching labels.');
  const label = m[1] ?? '';
  if (/PRIVATE KEY/.test(label)) {
    throw new KeyError(`This is a private key (${label}). Verifying needs only the public key: never paste a private key into a web page.`);
  }
  if (label === 'RSA PUBLIC KEY') {
    throw new KeyError('This is a PKCS#1 "RSA PUBLIC KEY". Convert it to an SPKI "PUBLIC KEY" first (openssl rsa -RSAPublicKey_in -pubout).');
  }
  if (label !== 'PUBLIC KEY' && label !== 'CERTIFICATE') {
    throw new KeyError(`A "${label}" PEM block is neither a public key ("PUBLIC KEY") nor a certificate ("CERTIFICATE").`);
  }
  const count = text.match(/-----BEGIN [A-Z0-9 ]+-----/g)?.length ?? 1;
  return { label, pem: `-----BEGIN ${label}-----\n${(m[2] ?? '').trim()}\n-----END ${label}-----`, count };
}

/** A JWK as parsed from JSON: members are checked before use. */
export type JwkObject = Record<string, unknown>;

/** Private members of RSA (RFC 7518 §6.3.2), EC (§6.2.2) and OKP (RFC 8037 §2) keys. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth'];

/**
 * The JWK without private members (a verifier needs only the public part; jose would otherwise import
 * a private key). Returns whether anything was removed. Symmetric ("oct") keys are left as they are.
 */
export function publicPart(jwk: JwkObject): { jwk: JwkObject; hadPrivate: boolean } {
  if (jwk['kty'] === 'oct') return { jwk, hadPrivate: false };
  const out: JwkObject = {};
  let hadPrivate = false;
  for (const [k, v] of Object.entries(jwk)) {
    if (PRIVATE_MEMBERS.includes(k)) hadPrivate = true;
    else out[k] = v;
  }
  return { jwk: out, hadPrivate };
}

/** The key type of a JWK (RFC 7517 §4.1 "kty", with "crv" for EC and OKP), or a KeyError. */
export function jwkKeyType(jwk: JwkObject, where = 'The JWK'): KeyType {
  const kty = jwk['kty'];
  const crv = jwk['crv'];
  switch (kty) {
    case 'oct':
      if (typeof jwk['k'] !== 'string') throw new KeyError(`${where} is an "oct" (symmetric) key without a "k" value.`);
      return 'oct';
    case 'RSA':
      return 'RSA';
    case 'EC':
      if (crv === 'P-256' || crv === 'P-384' || crv === 'P-521') return `EC ${crv}`;
      throw new KeyError(`${where} is an EC key on curve ${JSON.stringify(crv)}; only P-256, P-384 and P-521 (ES256, ES384, ES512) are supported.`);
    case 'OKP':
      if (crv === 'Ed25519') return 'OKP Ed25519';
      throw new KeyError(`${where} is an OKP key on ${JSON.stringify(crv)}; only Ed25519 signs JWS here.`);
    case undefined:
      throw new KeyError(`${where} has no "kty" (key type) member (RFC 7517 §4.1).`);
    default:
      throw new KeyError(`${where} has kty ${JSON.stringify(kty)}; supported key types are oct, RSA, EC and OKP.`);
  }
}

/**
 * Algorithms a JWK may verify: its family, narrowed to exactly its "alg" when it names one
 * (RFC 7517 §4.4). A KeyError when "alg" is outside the family, or "use"/"key_ops" forbid verifying.
 */
export function jwkAlgorithms(jwk: JwkObject, where = 'The JWK'): { keyType: KeyType; algorithms: JwsAlgorithm[] } {
  const keyType = jwkKeyType(jwk, where);
  const family = algorithmsFor(keyType);
  const alg = jwk['alg'];
  if (jwk['use'] !== undefined && jwk['use'] !== 'sig') {
    throw new KeyError(`${where} has "use": ${JSON.stringify(jwk['use'])}; only "sig" keys verify signatures (RFC 7517 §4.2).`);
  }
  const ops = jwk['key_ops'];
  if (ops !== undefined && !(Array.isArray(ops) && ops.includes('verify'))) {
    throw new KeyError(`${where} has "key_ops" without "verify" (RFC 7517 §4.3).`);
  }
  if (alg === undefined) return { keyType, algorithms: family };
  if (typeof alg !== 'string' || !(family as string[]).includes(alg)) {
    throw new KeyError(`${where} says "alg": ${JSON.stringify(alg)}, which a ${keyType} key cannot be used with (it can use ${family.join(', ')}).`);
  }
  return { keyType, algorithms: [alg as JwsAlgorithm] };
}

/** Parses JSON key text, or a KeyError that says it is not JSON. */
export function parseKeyJson(text: string, what: 'JWK' | 'JWK Set'): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new KeyError(`The ${what} is not valid JSON (${e instanceof Error ? e.message : String(e)}).`);
  }
}
