/**
 * Signature verification with jose, the algorithm always pinned by the key (see keys.ts for why).
 * "valid" means only that the signature checks out under that key; whether the claims are still
 * acceptable (exp, nbf...) is claimWarnings' job, so an old but genuine token still shows as signed.
 */
import { compactVerify, createLocalJWKSet, errors, importJWK, importSPKI, importX509 } from 'jose';
import { decodeJws, JwtError } from './decode.ts';
import {
  algorithmsFor,
  detectKeyFormat,
  firstPemBlock,
  jwkAlgorithms,
  KeyError,
  MIN_HMAC_KEY_BYTES,
  parseKeyJson,
  publicPart,
  type JwkObject,
  type JwsAlgorithm,
  type KeyFormat,
  type KeyType,
} from './keys.ts';

export interface VerifyResult {
  /** True only when the signature verified with the given key under an algorithm that key allows. */
  valid: boolean;
  /** The token's "alg" header, or null when the header could not be read. */
  alg: string | null;
  /** Why the token did not verify, for a person. Absent when valid. */
  error?: string;
  /** How the key text was read. Absent when no key was given or the token was unreadable. */
  keyFormat?: KeyFormat;
  /** The key's type, when it could be told. */
  keyType?: KeyType;
  /** The algorithms the key was allowed to verify with (the pin passed to jose). */
  algorithms?: JwsAlgorithm[];
  /** Things worth knowing even when valid: short HMAC secret, private key parts ignored... */
  notes: string[];
}

type Verdict = Omit<VerifyResult, 'alg' | 'notes'>;

const SIGNATURE_MISMATCH =
  'The signature does not match: the token was changed after it was signed, or it was signed with a different key.';

const encoder = new TextEncoder();

/** Verifies a JWS compact token with a shared secret, a PEM public key or certificate, or a JWK / JWK Set (JSON). Never rejects. */
export async function verifyJwt(token: string, key: string): Promise<VerifyResult> {
  let alg: string | null = null;
  const notes: string[] = [];
  try {
    const jws = decodeJws(token);
    alg = jws.header.alg;
    const kid = typeof jws.header.kid === 'string' ? jws.header.kid : undefined;
    if (alg.toLowerCase() === 'none') {
      return {
        valid: false,
        alg,
        error: `The token says "alg": "${alg}": it is unsecured (RFC 7515 Appendix A.5) and proves nothing about who made it. It is never accepted.`,
        notes,
      };
    }
    if (typeof key !== 'string' || key.trim() === '') {
      return { valid: false, alg, error: 'No key was given. Paste a shared secret, a PEM public key or certificate, a JWK or a JWK Set.', notes };
    }
    const verdict = await verifyWithKey(jws.token, alg, kid, key, notes);
    return { ...verdict, alg, notes };
  } catch (e) {
    return { valid: false, alg, error: explain(e, alg), notes };
  }
}

async function verifyWithKey(token: string, alg: string, kid: string | undefined, key: string, notes: string[]): Promise<Verdict> {
  const keyFormat = detectKeyFormat(key);
  switch (keyFormat) {
    case 'secret':
      return verifySecret(token, alg, key, notes);
    case 'pem-spki':
    case 'pem-x509':
      return verifyPem(token, alg, key, notes);
    case 'jwk':
      return verifyJwk(token, alg, key, notes);
    case 'jwks':
      return verifyJwkSet(token, alg, kid, key, notes);
  }
}

/** The pin failed: say which family the key belongs to and what the token asked for. */
function refuse(keyFormat: KeyFormat, keyType: KeyType, algorithms: JwsAlgorithm[], alg: string, what: string): Verdict {
  const confusion =
    keyType !== 'oct' && alg.startsWith('HS')
      ? ' Using a public key as an HMAC secret is the "algorithm confusion" attack (RFC 8725 §2.1): anyone could forge such a token.'
      : '';
  return {
    valid: false,
    keyFormat,
    keyType,
    algorithms,
    error: `The token says "alg": "${alg}", but ${what} can only verify ${algorithms.join(', ')}.${confusion}`,
  };
}

async function verifySecret(token: string, alg: string, secret: string, notes: string[]): Promise<Verdict> {
  const algorithms = algorithmsFor('oct');
  if (!(algorithms as string[]).includes(alg)) return refuse('secret', 'oct', algorithms, alg, 'a shared secret');
  // The text exactly as given: HMAC keys are bytes, and a trailing space or newline is part of them.
  const bytes = encoder.encode(secret);
  const min = MIN_HMAC_KEY_BYTES[alg as keyof typeof MIN_HMAC_KEY_BYTES];
  if (bytes.length < min) {
    notes.push(`The secret is ${bytes.length} bytes; RFC 7518 §3.2 requires at least ${min} bytes for ${alg}. Short secrets can be guessed offline from any one token.`);
  }
  await compactVerify(token, bytes, { algorithms });
  return { valid: true, keyFormat: 'secret', keyType: 'oct', algorithms };
}

type PemImporter = (pem: string, alg: string) => Promise<unknown>;

/** One algorithm per key type: a jose import with it succeeds only for a key of that type. */
const TYPE_PROBES: [JwsAlgorithm, KeyType][] = [
  ['RS256', 'RSA'],
  ['ES256', 'EC P-256'],
  ['ES384', 'EC P-384'],
  ['ES512', 'EC P-521'],
  ['Ed25519', 'OKP Ed25519'],
];

/** Tells a PEM key's type by asking jose (and so Web Crypto) to import it as each type in turn. */
async function pemKeyType(importer: PemImporter, pem: string, what: string): Promise<KeyType> {
  let last: unknown;
  for (const [probe, keyType] of TYPE_PROBES) {
    try {
      await importer(pem, probe);
      return keyType;
    } catch (e) {
      last = e;
    }
  }
  const cause = last instanceof Error ? ` (${last.message})` : '';
  throw new KeyError(`The ${what} could not be read as an RSA, EC (P-256, P-384, P-521) or Ed25519 public key${cause}.`);
}

async function verifyPem(token: string, alg: string, text: string, notes: string[]): Promise<Verdict> {
  const block = firstPemBlock(text);
  if (block.count > 1) notes.push(`Only the first of ${block.count} PEM blocks was used.`);
  const isCert = block.label === 'CERTIFICATE';
  const format: KeyFormat = isCert ? 'pem-x509' : 'pem-spki';
  const importer: PemImporter = isCert ? (pem, a) => importX509(pem, a) : (pem, a) => importSPKI(pem, a);
  const what = isCert ? 'certificate' : 'public key';
  const keyType = await pemKeyType(importer, block.pem, what);
  const algorithms = algorithmsFor(keyType);
  if (!(algorithms as string[]).includes(alg)) return refuse(format, keyType, algorithms, alg, `this ${keyType} ${what}`);
  const cryptoKey = await importer(block.pem, alg);
  await compactVerify(token, cryptoKey as CryptoKey, { algorithms });
  if (isCert) notes.push("Only the certificate's public key was used: its validity dates and issuer were not checked.");
  return { valid: true, keyFormat: format, keyType, algorithms };
}

function asJwkObject(value: unknown, where: string): JwkObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new KeyError(`${where} must be a JSON object.`);
  return value as JwkObject;
}

async function verifyJwk(token: string, alg: string, text: string, notes: string[]): Promise<Verdict> {
  const { jwk, hadPrivate } = publicPart(asJwkObject(parseKeyJson(text, 'JWK'), 'The JWK'));
  if (hadPrivate) notes.push('The JWK holds a private key; only its public part was used. Never paste private keys into a web page.');
  const { keyType, algorithms } = jwkAlgorithms(jwk);
  if (!(algorithms as string[]).includes(alg)) return refuse('jwk', keyType, algorithms, alg, `this ${keyType} JWK`);
  const imported = await importJWK(jwk, alg);
  if (keyType === 'oct' && imported instanceof Uint8Array) {
    const min = MIN_HMAC_KEY_BYTES[alg as keyof typeof MIN_HMAC_KEY_BYTES];
    if (imported.length < min) notes.push(`The key is ${imported.length} bytes; RFC 7518 §3.2 requires at least ${min} bytes for ${alg}.`);
  }
  await compactVerify(token, imported, { algorithms });
  return { valid: true, keyFormat: 'jwk', keyType, algorithms };
}

async function verifyJwkSet(token: string, alg: string, kid: string | undefined, text: string, notes: string[]): Promise<Verdict> {
  const set = parseKeyJson(text, 'JWK Set');
  const keys = typeof set === 'object' && set !== null ? (set as { keys?: unknown }).keys : undefined;
  if (!Array.isArray(keys)) throw new KeyError('A JWK Set is a JSON object with a "keys" array (RFC 7517 §5).');
  const publicKeys: JwkObject[] = [];
  const allowed = new Set<JwsAlgorithm>();
  const skipped: string[] = [];
  let hadPrivate = false;
  keys.forEach((value, i) => {
    const where = `Key #${i + 1} in the set`;
    try {
      const part = publicPart(asJwkObject(value, where));
      const { keyType, algorithms } = jwkAlgorithms(part.jwk, where);
      // jose's JWK Set resolver serves asymmetric keys only: HMAC secrets do not belong in a published set.
      if (keyType === 'oct') throw new KeyError(`${where} is a symmetric ("oct") key; paste it alone as a JWK to use it.`);
      hadPrivate ||= part.hadPrivate;
      publicKeys.push(part.jwk);
      for (const a of algorithms) allowed.add(a);
    } catch (e) {
      // RFC 7517 §5: keys that cannot be used are ignored, not fatal.
      skipped.push(e instanceof Error ? e.message : String(e));
    }
  });
  if (hadPrivate) notes.push('The JWK Set holds private keys; only their public parts were used.');
  if (skipped.length > 0) notes.push(`Ignored ${skipped.length} unusable key(s): ${skipped.join(' ')}`);
  if (publicKeys.length === 0) throw new KeyError(`No key in the JWK Set can verify signatures.${skipped.length ? ` ${skipped.join(' ')}` : ''}`);
  const algorithms = [...allowed];
  if (!allowed.has(alg as JwsAlgorithm)) {
    return { valid: false, keyFormat: 'jwks', algorithms, error: `The token says "alg": "${alg}", but the keys in this JWK Set can only verify ${algorithms.join(', ')}.` };
  }
  const resolver = createLocalJWKSet({ keys: publicKeys as unknown as JsonWebKey[] });
  try {
    await compactVerify(token, resolver, { algorithms });
  } catch (e) {
    if (e instanceof errors.JWKSNoMatchingKey) {
      const wanted = kid === undefined ? `alg "${alg}" (the token names no "kid")` : `alg "${alg}" and kid "${kid}"`;
      return { valid: false, keyFormat: 'jwks', algorithms, error: `No key in the JWK Set matches ${wanted}.` };
    }
    if (!(e instanceof errors.JWKSMultipleMatchingKeys)) throw e;
    // Several keys fit (no kid to tell them apart): the token is valid if any of them verifies it.
    for await (const candidate of e) {
      try {
        await compactVerify(token, candidate, { algorithms });
        return { valid: true, keyFormat: 'jwks', algorithms };
      } catch {
        // try the next candidate
      }
    }
    return { valid: false, keyFormat: 'jwks', algorithms, error: `${SIGNATURE_MISMATCH} (${alg}: none of the matching keys in the set verified it.)` };
  }
  return { valid: true, keyFormat: 'jwks', algorithms };
}

/** Turns whatever was thrown into a sentence for a person. */
function explain(e: unknown, alg: string | null): string {
  if (e instanceof JwtError || e instanceof KeyError) return e.message;
  if (e instanceof errors.JWSSignatureVerificationFailed) return SIGNATURE_MISMATCH;
  if (e instanceof errors.JOSEAlgNotAllowed) return `The algorithm ${alg ?? '?'} is not allowed for this key.`;
  if (e instanceof errors.JWSInvalid) return `The token is not a valid JWS: ${e.message}.`;
  const message = e instanceof Error ? e.message : String(e);
  return `The key could not be used${alg ? ` for ${alg}` : ''}: ${message}.`;
}
