import type { DetectedLaw } from '../../../shared/import';
import type { Lang } from '../../../shared/law';
import { readAknDocument } from './akn-document';
import { aknToLaw } from './akn-tree';
import { ImportError, type ImportLimits } from './limits';

/**
 * Reads an Akoma Ntoso act (the workbench's own export, or another publisher's: any FRBRlanguage
 * code, numbers printed any way, civil-law or common-law hierarchies) into a law within limits.
 * An amendment document is not a law: it is refused with what it is and where it is read (`zan
 * apply`), not as "no provisions".
 */
export function readAkn(bytes: Uint8Array, file: string, limits: ImportLimits, checkTime: () => void, options: { lang?: Lang; makeUid?: () => string } = {}): DetectedLaw {
  const doc = readAknDocument(bytes, file, limits, checkTime);
  if (doc.type === 'amendment' || (doc.modifications.length > 0 && doc.body.length === 0)) {
    throw new ImportError('NOT_A_LAW', file, `it is an Akoma Ntoso amendment document (${doc.modifications.length} modification(s) of other acts), not the text of a law; apply it to the law it amends with "zan apply <law> ${file}".`);
  }
  const law = aknToLaw(doc, file, options);
  checkTime();
  return law;
}
