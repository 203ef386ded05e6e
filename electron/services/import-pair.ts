import { alignTexts } from '../../shared/bilingual/align';
import { textFindings, type ParityFinding } from '../../shared/bilingual/findings';
import type { Lang } from '../../shared/law';
import type { ReadLaw } from '../io/import';
import { StoreError } from '../store/errors';
import type { ServiceContext, ReadContext } from './context';
import { newLawDate, refuseErrors, saveImport, type ImportResult, type ImportTarget, type PendingImports } from './import';
import type { RebasePlan } from './import-rebase';

// Both official texts of a law imported at once (issue 15): two pending imports (import.ts), one
// Kazakh and one Russian, compared before saving and saved as two expressions of one work.

/**
 * A finding between the two texts read, as the preview shows it: without `units`, the uids of
 * texts not saved yet (the second text's change on saving), which name nothing a view can show.
 */
export type PairFinding = Omit<ParityFinding, 'units'>;

/** What the two texts of a pair are, and where they differ, before anything is saved. */
export interface PairPreview {
  /** The languages of the first and the second text. */
  languages: [Lang, Lang];
  /** Where they differ in structure, numbers and references, unit by unit (none: they are in step). */
  findings: PairFinding[];
}

const OFFICIAL: readonly Lang[] = ['ru', 'kk'];

/** The two pending imports' texts, refused unless one is Kazakh and the other Russian. */
function officialPair(pending: PendingImports, importIds: readonly [string, string]): [ReadLaw, ReadLaw] {
  const first = pending.take(importIds[0]).read;
  const second = pending.take(importIds[1]).read;
  if (first.lang === second.lang || !OFFICIAL.includes(first.lang) || !OFFICIAL.includes(second.lang)) {
    throw new StoreError('INVALID_INPUT', `The two texts of a law are its Kazakh and its Russian text; these are ${first.lang} and ${second.lang}.`, 'import.pairLanguages', { first: first.lang, second: second.lang });
  }
  return [first, second];
}

/**
 * Compares two pending imports as the two official texts of one law, without saving anything:
 * their languages, and the parity findings between them (shared/bilingual: texts read separately
 * are aligned by place). Refused when an import is not pending, or the two are not one Kazakh
 * and one Russian text.
 */
export function previewPair(_ctx: ReadContext, pending: PendingImports, input: { importIds: readonly [string, string] }): PairPreview {
  const [first, second] = officialPair(pending, input.importIds);
  const findings = textFindings(alignTexts(first.law, second.law)).map(({ units: _units, ...finding }) => finding);
  return { languages: [first.lang, second.lang], findings };
}

/**
 * Saves two pending imports as the Kazakh and Russian texts of one work, in one transaction: the
 * first where `target` says (a new law, or a new version of a work, as commitImport saves it),
 * the second as a version of that same work in its language, in force from the same date — a
 * new expression whose units take the first text's uids by place when the work lacks that
 * language (import-rebase.ts continueLineage), the next version of its own text when it has it.
 * Everything is checked before anything is written (both pending, one of each language, neither
 * with errors, a date known), and a failure of either save rolls both back. `plan`: the first
 * text's rebase worked out beforehand (as commitImport takes it).
 */
export function commitPair(ctx: ServiceContext, pending: PendingImports, input: { importIds: readonly [string, string]; target: ImportTarget }, plan?: RebasePlan): ImportResult[] {
  const [first, second] = officialPair(pending, input.importIds);
  refuseErrors(first);
  refuseErrors(second);
  const { target } = input;
  // The second text is a version of the work, and a version needs its date: a new law's is its act's.
  const inForceFrom = target.kind === 'version' ? target.inForceFrom : newLawDate(first, target);
  if (!inForceFrom) throw new StoreError('INVALID_INPUT', 'The two texts are saved in force from one date, and none is known (neither the act line nor the target gives it): give the date.', 'import.pairNeedsDate');
  const [idA, idB] = input.importIds;
  // Claimed as commitImportStaged claims one: a save of either under way elsewhere refuses this one.
  pending.claim(idA);
  try {
    pending.claim(idB);
  } catch (error) {
    pending.release(idA);
    throw error;
  }
  try {
    // Each save writes the uids of the lineage into the text it is given: copies, so that a pair
    // refused here stays pending as it was read.
    const copy = (read: ReadLaw): ReadLaw => ({ ...read, law: structuredClone(read.law) });
    const saved = ctx.store.transaction(() => {
      const one = saveImport(ctx, copy(first), target, plan);
      const other = saveImport(ctx, copy(second), { kind: 'version', workId: one.workId, inForceFrom });
      return [one, other];
    });
    pending.drop(idA);
    pending.drop(idB);
    return saved;
  } catch (error) {
    pending.release(idA);
    pending.release(idB);
    throw error;
  }
}
