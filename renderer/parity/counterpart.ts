import type { Amendment } from '../../shared/amend';
import type { LawParity } from '../../shared/ipc';
import type { Lang } from '../../shared/law';

/** Where an amendment's unit stands in the law's other official text: changed there too, marked unchanged there, or still to be matched (or translated). */
export type CounterpartStatus = 'same' | 'unchanged' | 'open';

/**
 * What the amendments panel says of an amendment's counterpart in the other official language
 * (issue 15), from the law's parity: the counterpart is the unit with the same uid (the texts of
 * a package's law share their lineage) or, failing that, the same eId. Null when the draft's law
 * is not amended in both official languages.
 */
export function counterpartStatus(law: LawParity | null, lang: Lang, amendment: Amendment): { lang: 'ru' | 'kk'; status: CounterpartStatus } | null {
  if (!law?.drafts.ru || !law.drafts.kk || (lang !== 'ru' && lang !== 'kk')) return null;
  const other = lang === 'ru' ? 'kk' : 'ru';
  const concerns = (uid: string | undefined, eId: string) => uid === amendment.uid || (eId !== '' && eId === amendment.eId);
  const open = law.findings.some((f) => (f.code === 'changed' || f.code === 'translate' || f.code === 'only-in') && concerns(f.units?.[other], f.eId));
  if (open) return { lang: other, status: 'open' };
  if (law.marked[other].some((m) => concerns(m.uid, m.eId))) return { lang: other, status: 'unchanged' };
  return { lang: other, status: 'same' };
}
