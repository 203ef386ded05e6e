import type { Amendment } from '../../shared/amend';
import type { LawParity } from '../../shared/ipc';
import type { Lang } from '../../shared/law';

/** Where an amendment's unit stands in the law's other official text: changed there too, marked unchanged there, or still to be matched (or translated). */
export type CounterpartStatus = 'same' | 'unchanged' | 'open';

/**
 * What the amendments panel says of each amendment's counterpart in the other official language
 * (issue 15), from the law's parity: the counterpart is the unit with the same uid (the texts of
 * a package's law share their lineage) or, failing that, the same eId. Null when the draft's law
 * is not amended in both official languages. The findings are indexed once per parity, not once
 * per amendment (a code has thousands).
 */
export function counterpartIndex(law: LawParity | null, lang: Lang): (amendment: Amendment) => { lang: 'ru' | 'kk'; status: CounterpartStatus } | null {
  if (!law?.drafts.ru || !law.drafts.kk || (lang !== 'ru' && lang !== 'kk')) return () => null;
  const other = lang === 'ru' ? 'kk' : 'ru';
  const open = new Set<string>();
  for (const f of law.findings) {
    if (f.code !== 'changed' && f.code !== 'translate' && f.code !== 'only-in') continue;
    const uid = f.units?.[other];
    if (uid) open.add(`uid:${uid}`);
    if (f.eId) open.add(`eId:${f.eId}`);
  }
  const marked = new Set(law.marked[other].flatMap((m) => [`uid:${m.uid}`, ...(m.eId ? [`eId:${m.eId}`] : [])]));
  const concerns = (keys: ReadonlySet<string>, a: Amendment) => keys.has(`uid:${a.uid}`) || (a.eId !== '' && keys.has(`eId:${a.eId}`));
  return (a) => ({ lang: other, status: concerns(open, a) ? 'open' : concerns(marked, a) ? 'unchanged' : 'same' });
}
