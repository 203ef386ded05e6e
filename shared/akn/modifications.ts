import { indexTree, pathOf } from '../amend/tree-index';
import type { PathStep } from '../amend/types';
import { HEADED_KINDS, isProvisionKind, type ProvisionKind } from '../law/kinds';
import type { LawDoc, Provision } from '../law/provision';
import { lineLabel } from '../law/text/markers';
import type { Operation } from '../instructions/types';

/** A modification of an Akoma Ntoso amendment document: its type, the eId it points at, its quoted old and new wording. */
export interface AknModification {
  type: string;
  destination: string;
  old: string | null;
  new: string | null;
  /** Its text, to name it in messages. */
  text: string;
}

const PREFIX_KIND: Record<string, ProvisionKind> = { sec: 'section', chp: 'chapter', art: 'article', part: 'part', para: 'paragraph', subpara: 'subparagraph' };

/** The eId a destination points at: what follows "~" or "#" in the href, or the href itself. */
function eIdOf(href: string): string {
  return /[~#]([^~#]+)$/.exec(href)?.[1] ?? href;
}

/** A unit's wording as the workbench's amendment documents quote it: its label, then its heading or text. */
function wordingOf(unit: Provision, lang: LawDoc['lang']): string {
  const own = HEADED_KINDS.has(unit.kind) ? [unit.heading, unit.text].filter(Boolean).join('\n') : unit.text;
  return `${lineLabel(lang, unit.kind, unit.num)}${own}`;
}

/**
 * The operations an Akoma Ntoso amendment document stands for on a law (its `textualMod`s, each
 * pointing at a unit by eId): a repeal; a substitution of a unit's whole wording (its text and
 * heading set anew) or of quoted words in it; an insertion of a new unit under the unit its eId is
 * under; a renumbering. What cannot be read so is listed with the reason, not guessed.
 */
export function modificationsToOperations(mods: readonly AknModification[], base: LawDoc): { operations: Operation[]; sources: number[]; problems: { index: number; reason: string }[] } {
  const index = indexTree(base);
  const byEId = new Map<string, Provision>();
  for (const e of index.values()) byEId.set(e.unit.eId, e.unit);
  const addressOf = (unit: Provision): PathStep[] => {
    const path = pathOf(index, unit.uid);
    const article = path.findIndex((s) => s.kind === 'article');
    return article > 0 ? path.slice(article) : path;
  };
  // An article's own text is addressed with its article (intro.ts): a repeal or renumbering of it
  // would fall on the article.
  const isOwnText = (unit: Provision) => index.get(unit.uid)?.intro === true;
  const operations: Operation[] = [];
  /** Which modification each operation comes from. */
  const sources: number[] = [];
  const problems: { index: number; reason: string }[] = [];
  mods.forEach((m, i) => {
    const before = operations.length;
    convert(m, i);
    for (let k = before; k < operations.length; k++) sources.push(i);
  });
  return { operations, sources, problems };

  function convert(m: AknModification, i: number): void {
    const eId = eIdOf(m.destination);
    const unit = byEId.get(eId);
    const fail = (reason: string) => void problems.push({ index: i, reason });
    switch (m.type) {
      case 'repeal':
        if (!unit) return fail(`no unit ${eId} in the law`);
        if (isOwnText(unit)) return fail(`${eId} is its article's own text, not a unit: repeal the article, or take its words out`);
        operations.push({ op: 'repeal', address: addressOf(unit) });
        return;
      case 'substitution': {
        if (!unit) return fail(`no unit ${eId} in the law`);
        if (m.old === null || m.new === null) return fail('a substitution needs the old and the new wording');
        const address = addressOf(unit);
        if (m.old === wordingOf(unit, base.lang)) {
          // The unit's whole wording, set anew: its heading and its own text.
          const label = lineLabel(base.lang, unit.kind, unit.num);
          const fresh = m.new.startsWith(label) ? m.new.slice(label.length) : m.new.replace(/^\S+\s/, '');
          const [first = '', ...rest] = fresh.split('\n');
          const heading = HEADED_KINDS.has(unit.kind) ? first : unit.heading;
          const text = HEADED_KINDS.has(unit.kind) ? rest.join('\n') : fresh;
          if (heading !== unit.heading) operations.push(unit.heading ? { op: 'replace', address, heading: true, from: unit.heading, to: heading } : { op: 'restate', address, heading: true, content: heading });
          if (text !== unit.text) operations.push(unit.text ? { op: 'replace', address, from: unit.text, to: text } : { op: 'append', address, words: text });
          return;
        }
        operations.push({ op: 'replace', address, from: m.old, to: m.new });
        return;
      }
      case 'insertion': {
        if (unit) return fail(`there is already a unit ${eId}`);
        if (m.new === null) return fail('an insertion needs the new wording');
        const steps = eId.split('__');
        const last = /^([a-z]+)_(.+)$/.exec(steps[steps.length - 1] ?? '');
        const kind = last ? PREFIX_KIND[last[1] as string] : undefined;
        if (!last || !kind || !isProvisionKind(kind)) return fail(`the new unit's eId ${eId} does not say what unit it is`);
        const parentEId = steps.slice(0, -1).join('__');
        const parent = parentEId ? byEId.get(parentEId) : null;
        if (parentEId && !parent) return fail(`no unit ${parentEId} to hold the new unit`);
        operations.push({ op: 'insert', parent: parent && kind !== 'article' ? addressOf(parent) : [], kind, num: last[2] as string, content: m.new });
        return;
      }
      case 'renumbering': {
        if (!unit || m.new === null) return fail(unit ? 'a renumbering needs the new number' : `no unit ${eId} in the law`);
        if (isOwnText(unit)) return fail(`${eId} is its article's own text, which has no number`);
        const num = /\d+(?:-\d+)*/.exec(m.new)?.[0];
        if (!num) return fail(`no number in «${m.new}»`);
        operations.push({ op: 'renumber', address: addressOf(unit), num });
        return;
      }
      default:
        fail(`a modification of type "${m.type}" is not one the workbench applies`);
    }
  }
}
