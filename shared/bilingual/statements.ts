import type { Operation } from '../instructions/types';
import type { ParityFinding } from './findings';

/** What a statement of an amending law does and where, without its words: "replace paragraph 1 of article 5". */
function shapeOf(op: Operation): string {
  const address = 'address' in op ? op.address : 'parent' in op ? op.parent : [];
  const where = address.map((s) => `${s.kind} ${s.num}`).join(' / ');
  return `${op.op}${where ? ` ${where}` : ''}`;
}

/**
 * Whether the two language texts of one act's amending law say the same things in the same order:
 * statement n in one and statement n in the other have the same operation and target. Each
 * difference is a "statement" finding (the number of statements, or the first statements that
 * differ), named by statement number since a statement has no eId of its own.
 */
export function statementFindings(act: string, a: { lang: string; operations: readonly Operation[] }, b: { lang: string; operations: readonly Operation[] }): ParityFinding[] {
  const out: ParityFinding[] = [];
  const shapesA = a.operations.map(shapeOf);
  const shapesB = b.operations.map(shapeOf);
  if (shapesA.length !== shapesB.length) {
    out.push({ kind: 'statement', eId: '', message: `${act}: the ${a.lang} amending law has ${shapesA.length} statements, the ${b.lang} one ${shapesB.length}.`, [a.lang]: String(shapesA.length), [b.lang]: String(shapesB.length) });
  }
  for (let i = 0; i < Math.min(shapesA.length, shapesB.length); i++) {
    if (shapesA[i] === shapesB[i]) continue;
    out.push({ kind: 'statement', eId: '', message: `${act}, statement ${i + 1}: "${shapesA[i]}" in ${a.lang}, "${shapesB[i]}" in ${b.lang}.`, [a.lang]: shapesA[i] as string, [b.lang]: shapesB[i] as string });
  }
  return out;
}
