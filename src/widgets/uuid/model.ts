/**
 * UUID widget model: generate(version, options) for versions 1, 3, 4, 5, 6, 7 and
 * inspect(text), both pure and deterministic; every failure is a UuidError with a readable message.
 * The pieces live in small files; this module is the public entry point.
 */
export { UuidError, type UuidErrorCode } from './errors.ts';
export {
  generate,
  randomBytesFromSeed,
  resolveNamespace,
  parseNode,
  GENERATABLE_VERSIONS,
  type GenerateOptionsByVersion,
  type GeneratableVersion,
  type GregorianTimeOptions,
  type NameOptions,
  type RandomOptions,
  type RandomSource,
  type UnixTimeOptions,
} from './generate.ts';
export { inspect, type UuidInspection } from './inspect.ts';
export { NAMESPACES, NAMESPACE_NAMES, type NamespaceName } from './namespaces.ts';
export { GREGORIAN_UNIX_OFFSET_100NS, GREGORIAN_UNIX_OFFSET_MS, type UuidVariant } from './fields.ts';
export { parseUuidText, bytesToUuid, type ParsedUuidText } from './text.ts';
export { NIL_UUID, MAX_UUID, VERSION_DESCRIPTIONS, VARIANT_DESCRIPTIONS } from './describe.ts';
