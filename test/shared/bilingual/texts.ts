import { assignEIds, parseLaw, walkProvisions, type LawDoc, type Provision } from '../../../shared/law';
import { WORDS } from '../amend/random-edits';

/** A Russian text of two articles and its parallel Kazakh text (the same facts in each). */
export const RU = 'Статья 5. Советы\n1. Советы создаются при органах с 1 июля 2026 года.\n2. Не менее 10 % членов совета – представители отраслей.\n\nСтатья 6. Гранты\nГранты выделяются в соответствии со статьей 5.\n';
export const KK = '5-бап. Кеңестер\n1. Кеңестер органдар жанынан 2026 жылғы 1 шілдеден бастап құрылады.\n2. Кеңес мүшелерінің кемінде 10 пайызы – салалардың өкілдері.\n\n6-бап. Гранттар\nГранттар 5-бапқа сәйкес бөлінеді.\n';

/** Uids of its own for each text: `prefix` and a counter. */
export function uids(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}${String(++n).padStart(9, '0')}`;
}

/**
 * Both texts: imported separately (each its own uids), or sharing a lineage (the Kazakh text's
 * units carry the uids of the Russian units in the same places, as texts aligned once keep them).
 */
export function pair(ru: string, kk: string, lineage: boolean): [LawDoc, LawDoc] {
  const a = parseLaw(ru, { lang: 'ru', makeUid: uids('r') });
  const b = parseLaw(kk, { lang: 'kk', makeUid: uids('k') });
  if (lineage) {
    const byPlace = new Map<string, string>();
    walkProvisions(a.body, (u) => void byPlace.set(`${u.kind}|${u.eId}`, u.uid));
    walkProvisions(b.body, (u) => void (u.uid = byPlace.get(`${u.kind}|${u.eId}`) ?? u.uid));
  }
  return [a, b];
}

/** The Kazakh text of a random Russian one, word for word (the vocabularies are parallel), with the same uids. */
export const toKk = (text: string) => text.split(' ').map((w) => {
  const bare = w.replace(/\.$/u, '');
  const i = WORDS.ru.indexOf(bare);
  return i < 0 ? w : `${WORDS.kk[i]}${w.endsWith('.') ? '.' : ''}`;
}).join(' ');

/** The Kazakh text of a random Russian law (random-edits.ts), unit for unit, with the same uids. */
export function kkOf(ru: LawDoc): LawDoc {
  const copy = (p: Provision): Provision => ({ ...p, heading: toKk(p.heading), text: toKk(p.text), notes: [...p.notes], children: p.children.map(copy) });
  const body = ru.body.map(copy);
  assignEIds(body);
  return { lang: 'kk', body };
}
