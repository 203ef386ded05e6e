import type { Operation } from '../instructions/types';
import type { ParityFinding } from './findings';

/** What a statement of an amending law does and where, without its words. */
interface Shape {
  op: string;
  where: string;
}

function shapeOf(op: Operation): Shape {
  const address = 'address' in op ? op.address : 'parent' in op ? op.parent : [];
  return { op: op.op, where: address.map((s) => `${s.kind} ${s.num}`).join(' / ') };
}

/**
 * The statements of an act's amending law as shapes, one per unit and operation: several word
 * operations on one unit are one change of it ("в пункте 2: 1) слова … заменить …; 2) …"), as the
 * other language may need fewer or more word operations to make the same change.
 */
function shapesOf(operations: readonly Operation[]): Shape[] {
  const out: Shape[] = [];
  for (const op of operations) {
    const shape = shapeOf(op);
    const last = out[out.length - 1];
    if (last && last.where === shape.where && (last.op === shape.op || (WORDS.has(last.op) && WORDS.has(shape.op)))) continue;
    out.push(WORDS.has(shape.op) ? { op: 'words', where: shape.where } : shape);
  }
  return out;
}

const WORDS = new Set(['replace', 'add', 'append', 'delete', 'mark', 'words']);

/** Whether two statements match: the same operation on the same unit, or one of them says the change is made in the other language's text. */
function matches(a: Shape, b: Shape): boolean {
  return a.where === b.where && (a.op === b.op || a.op === 'unchanged' || b.op === 'unchanged');
}

const text = (s: Shape) => `${s.op}${s.where ? ` ${s.where}` : ''}`;

/**
 * Whether the two language texts of one act's amending law say the same things in the same order:
 * statement n in one and statement n in the other have the same operation and target ("unchanged
 * in this language" answers any statement about its unit). Each difference is a "statement"
 * finding (the number of statements, or the first statements that differ), named by statement
 * number since a statement has no eId of its own.
 */
export function statementFindings(act: string, a: { lang: string; operations: readonly Operation[] }, b: { lang: string; operations: readonly Operation[] }): ParityFinding[] {
  const out: ParityFinding[] = [];
  const shapesA = shapesOf(a.operations);
  const shapesB = shapesOf(b.operations);
  if (shapesA.length !== shapesB.length) {
    out.push({ kind: 'statement', code: 'statement-count', eId: '', message: `${act}: the ${a.lang} amending law has ${shapesA.length} statements, the ${b.lang} one ${shapesB.length}.`, [a.lang]: String(shapesA.length), [b.lang]: String(shapesB.length) });
  }
  for (let i = 0; i < Math.min(shapesA.length, shapesB.length); i++) {
    const x = shapesA[i] as Shape;
    const y = shapesB[i] as Shape;
    if (matches(x, y)) continue;
    out.push({ kind: 'statement', code: 'statement', eId: '', message: `${act}, statement ${i + 1}: "${text(x)}" in ${a.lang}, "${text(y)}" in ${b.lang}.`, [a.lang]: text(x), [b.lang]: text(y) });
  }
  return out;
}
