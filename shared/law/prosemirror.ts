import type { Node as PMNode } from 'prosemirror-model';
import { assignEIds } from './eid';
import { isProvisionKind } from './kinds';
import type { Lang } from './language';
import type { LawDoc, Provision } from './provision';
import { isUnitNode, lawSchema } from './schema';

/**
 * Builds the ProseMirror document of a law. Lines of a unit's text become hard breaks; a unit's
 * heading becomes its heading node (sections, chapters and articles only).
 * Throws RangeError if the tree breaks the schema (lawSchema checks every node).
 */
export function lawToDoc(doc: LawDoc): PMNode {
  const node = lawSchema.node('doc', null, doc.body.map(unitToNode));
  node.check();
  return node;
}

function unitToNode(unit: Provision): PMNode {
  const attrs = { uid: unit.uid, num: unit.num, repealed: unit.repealed, notes: [...unit.notes] };
  const children = unit.children.map(unitToNode);
  const hasHeading = unit.kind === 'section' || unit.kind === 'chapter' || unit.kind === 'article';
  const first = hasHeading
    ? lawSchema.node('heading', null, unit.heading ? [lawSchema.text(unit.heading)] : [])
    : lawSchema.node('body', null, textToInline(unit.text));
  return lawSchema.node(unit.kind, attrs, [first, ...children]);
}

function textToInline(text: string): PMNode[] {
  const out: PMNode[] = [];
  text.split('\n').forEach((line, i) => {
    if (i > 0) out.push(lawSchema.node('hard_break'));
    if (line) out.push(lawSchema.text(line));
  });
  return out;
}

/** Reads a law back out of its ProseMirror document, recomputing eIds. */
export function docToLaw(node: PMNode, lang: Lang): LawDoc {
  const body: Provision[] = [];
  node.forEach((child) => body.push(nodeToUnit(child)));
  assignEIds(body);
  return { lang, body };
}

/** Converts one unit node (and everything under it) to a provision; eIds are left empty. */
export function nodeToUnit(node: PMNode): Provision {
  const kind = node.type.name;
  if (!isProvisionKind(kind)) throw new RangeError(`Not a unit node: ${kind}`);
  const unit: Provision = {
    uid: node.attrs['uid'] as string,
    eId: '',
    kind,
    num: node.attrs['num'] as string,
    heading: '',
    text: '',
    repealed: node.attrs['repealed'] as boolean,
    notes: [...(node.attrs['notes'] as string[])],
    children: [],
  };
  node.forEach((child) => {
    if (child.type.name === 'heading') unit.heading = child.textContent;
    else if (child.type.name === 'body') unit.text = inlineToText(child);
    else if (isUnitNode(child)) unit.children.push(nodeToUnit(child));
  });
  return unit;
}

/** The text of a text block, with hard breaks as `\n`. */
export function inlineToText(block: PMNode): string {
  let text = '';
  block.forEach((inline) => {
    text += inline.isText ? (inline.text ?? '') : '\n';
  });
  return text;
}
