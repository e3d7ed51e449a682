/**
 * The one error type the UUID model throws. `code` lets the island pick a hint or highlight;
 * `position` (1-based, in the text as the person typed it) points at the offending character.
 */
export type UuidErrorCode =
  | 'not-a-string'
  | 'empty'
  | 'unbalanced-braces'
  | 'bad-character'
  | 'wrong-length'
  | 'bad-hyphens'
  | 'bad-version'
  | 'bad-namespace'
  | 'bad-option'
  | 'missing-randomness';

export class UuidError extends Error {
  override name = 'UuidError';
  readonly code: UuidErrorCode;
  readonly position: number | undefined;
  constructor(code: UuidErrorCode, message: string, position?: number) {
    super(message);
    this.code = code;
    this.position = position;
  }
}
