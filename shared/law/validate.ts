import { ALLOWED_CHILDREN, type ParentKind, type ProvisionKind } from './kinds';
import { compareNums, isValidNum } from './numbering';
import type { LawDoc, Provision } from './provision';
import { LawStructureError } from './structure-error';

/** The units that may follow leading parts under each parent; at most one of these kinds per parent. */
const BODY_KINDS: Readonly<Record<ParentKind, readonly ProvisionKind[]>> = {
  root: ['section', 'chapter', 'article'],
  section: ['chapter', 'article'],
  chapter: ['article'],
  article: [],
  part: [],
  paragraph: [],
  subparagraph: [],
};

/**
 * Checks that a law has a shape the law can have, the same rules the ProseMirror schema enforces:
 * kinds stand under allowed parents; leading parts come first, then units of one kind (all
 * sections, all chapters or all articles); numbers are well formed and strictly increase among
 * siblings of a kind, articles through the whole law; uids are unique.
 * Throws LawStructureError naming the first offending unit.
 */
export function validateLaw(doc: LawDoc): void {
  const uids = new Set<string>();
  const articleNums: { last: string | null } = { last: null };
  validateChildren('root', '', doc.body, uids, articleNums);
}

function validateChildren(
  parentKind: ParentKind,
  parentEId: string,
  children: readonly Provision[],
  uids: Set<string>,
  articleNums: { last: string | null },
): void {
  const allowed = ALLOWED_CHILDREN[parentKind];
  const lastNumByKind = new Map<ProvisionKind, string>();
  let bodyKind: ProvisionKind | null = null;
  const where = parentEId || 'the law';
  for (const child of children) {
    const at = { eId: child.eId, uid: child.uid };
    if (!allowed.includes(child.kind)) {
      throw new LawStructureError('BAD_PLACEMENT', `A ${child.kind} cannot stand in ${where} (${parentKind}).`, at);
    }
    if (uids.has(child.uid)) throw new LawStructureError('DUPLICATE_UID', `Unit id ${child.uid} occurs twice.`, at);
    uids.add(child.uid);
    if (BODY_KINDS[parentKind].includes(child.kind)) {
      if (bodyKind !== null && bodyKind !== child.kind) {
        throw new LawStructureError('BAD_PLACEMENT', `${where} mixes ${bodyKind}s and ${child.kind}s.`, at);
      }
      bodyKind = child.kind;
    } else if (child.kind === 'part' && bodyKind !== null) {
      throw new LawStructureError('BAD_PLACEMENT', `An unnumbered part in ${where} follows its ${bodyKind}s.`, at);
    }
    if (child.kind === 'part') {
      if (child.num !== '') throw new LawStructureError('BAD_NUMBER', 'An unnumbered part has a number.', at);
    } else {
      if (!isValidNum(child.num)) {
        throw new LawStructureError('BAD_NUMBER', `"${child.num}" is not a unit number (expected 5, 5-1, 5-1-1).`, at);
      }
      const previous = child.kind === 'article' ? articleNums.last : (lastNumByKind.get(child.kind) ?? null);
      if (previous !== null && compareNums(previous, child.num) >= 0) {
        throw new LawStructureError(
          'NUMBER_ORDER',
          `${child.kind} ${child.num} follows ${child.kind} ${previous}: numbers must increase.`,
          at,
        );
      }
      if (child.kind === 'article') articleNums.last = child.num;
      lastNumByKind.set(child.kind, child.num);
    }
    validateChildren(child.kind, child.eId, child.children, uids, articleNums);
  }
}
