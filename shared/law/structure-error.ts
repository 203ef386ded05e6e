/** Why a text or tree cannot be a law: a stable code for programs and a message for people. */
export type LawErrorCode =
  | 'BAD_PLACEMENT'
  | 'NUMBER_ORDER'
  | 'BAD_NUMBER'
  | 'ORPHAN_SUBPARAGRAPH'
  | 'ORPHAN_PARAGRAPH'
  | 'ORPHAN_NOTE'
  | 'DUPLICATE_UID'
  | 'BAD_SHAPE'
  | 'EMPTY';

/**
 * A law that breaks the rules of structure or numbering. `line` is set when the error comes from
 * a text (1-based); `eId` and `uid` name the unit when it comes from a tree (eIds of misnumbered
 * units can collide, uids cannot).
 */
export class LawStructureError extends Error {
  override readonly name = 'LawStructureError';

  constructor(
    readonly code: LawErrorCode,
    message: string,
    readonly where: { line?: number; eId?: string; uid?: string } = {},
  ) {
    super(where.line !== undefined ? `Line ${where.line}: ${message}` : message);
  }
}
