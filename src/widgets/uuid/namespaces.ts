/**
 * The four predefined namespace IDs for name-based UUIDs (v3, v5): RFC 9562 §6.6, Table 3
 * ("Some Namespace IDs" in draft-ietf-uuidrev-rfc4122bis); the same values as RFC 4122 Appendix C.
 */
export const NAMESPACES = {
  DNS: '6ba7b810-9dad-11d1-80b4-00c04fd430c8',
  URL: '6ba7b811-9dad-11d1-80b4-00c04fd430c8',
  OID: '6ba7b812-9dad-11d1-80b4-00c04fd430c8',
  X500: '6ba7b814-9dad-11d1-80b4-00c04fd430c8',
} as const;

export type NamespaceName = keyof typeof NAMESPACES;

export const NAMESPACE_NAMES = Object.keys(NAMESPACES) as NamespaceName[];
