import { align, derive } from '../../shared/amend';
import { indexTree } from '../../shared/amend/tree-index';
import { alignTexts } from '../../shared/bilingual/align';
import { textFindings } from '../../shared/bilingual/findings';
import { languageNotes, withLanguageNotes } from '../../shared/bilingual/language-notes';
import { statementFindings } from '../../shared/bilingual/statements';
import { citation, InstructionError, planOperations, renderAmendingLaw, type Operation } from '../../shared/instructions';
import { walkProvisions, type Lang } from '../../shared/law';
import { DEFAULT_TITLE } from './document-commands';
import { load, type CliIO } from './io';

/**
 * `zan instructions --ru <base> <draft> --kk <base> <draft>`: both amending laws of one act, in
 * Russian and in Kazakh, statement for statement. A unit changed in one language only is written
 * as practice writes it: its statement ends ", текст на казахском языке не изменяется" and the
 * other law has "изменение вносится в текст на русском языке, …" in its place (each such unit
 * is named on stderr, with whatever else the parity check finds). Exit 1 if a text cannot be
 * written as amending formulas.
 */
export function bilingualInstructions(pairs: Record<'ru' | 'kk', [string, string]>, io: CliIO): number {
  const read = (lang: Lang) => {
    const [baseFile, draftFile] = pairs[lang as 'ru' | 'kk'];
    const base = load(baseFile, lang, io);
    const draft = typeof base === 'number' ? base : load(draftFile, lang, io);
    return typeof base === 'number' || typeof draft === 'number' ? null : { base, draft };
  };
  const ru = read('ru');
  const kk = read('kk');
  if (!ru || !kk) return 2;
  // Each draft with its base's uids where they pair, as a package's drafts have them: the units are named by the base's uids throughout.
  for (const { base, draft } of [ru, kk]) {
    const { pairs } = align(indexTree(base.parsed), indexTree(draft.parsed));
    walkProvisions(draft.parsed.body, (u) => void (u.uid = pairs.get(u.uid) ?? u.uid));
  }
  const alignment = alignTexts(ru.draft.parsed, kk.draft.parsed);
  const changed = { a: new Set(derive(ru.base.parsed, ru.draft.parsed).map((x) => x.uid)), b: new Set(derive(kk.base.parsed, kk.draft.parsed).map((x) => x.uid)) };
  // Changed in one language only: the other is taken as unchanged there, and told.
  const marked = { a: new Set<string>(), b: new Set<string>() };
  for (const { a, b, eId } of alignment.units) {
    if (!a || !b || changed.a.has(a.uid) === changed.b.has(b.uid)) continue;
    const [lang, other] = changed.a.has(a.uid) ? (['ru', 'kk'] as const) : (['kk', 'ru'] as const);
    (lang === 'ru' ? marked.b : marked.a).add(lang === 'ru' ? b.uid : a.uid);
    io.err(`${eId}: changed in the ${lang} text only; written as unchanged in the ${other} text.`);
  }
  const laws: Partial<Record<'ru' | 'kk', { text: string; operations: Operation[] }>> = {};
  for (const [lang, side, texts] of [['ru', 'a', ru], ['kk', 'b', kk]] as const) {
    const { title, act } = texts.base.read;
    const code = act?.kind === 'code' || /(^|\s)(кодекс|code)/iu.test(title ?? '');
    try {
      const operations = withLanguageNotes(texts.base.parsed, planOperations(texts.base.parsed, texts.draft.parsed, { code }), languageNotes(alignment, changed, marked, side));
      const cited = title ? citation(lang, act?.kind ?? 'law', act?.date ?? null, title) : DEFAULT_TITLE[lang];
      laws[lang] = { operations, text: operations.length ? renderAmendingLaw(lang, [{ citation: cited, operations, code }]).replace(/\n$/, '') : '' };
    } catch (error) {
      if (!(error instanceof InstructionError)) throw error;
      io.err(`${pairs[lang][0]} → ${pairs[lang][1]}: ${error.message}`);
      return 1;
    }
  }
  const [ruLaw, kkLaw] = [laws.ru as { text: string; operations: Operation[] }, laws.kk as { text: string; operations: Operation[] }];
  if (!ruLaw.text && !kkLaw.text) {
    io.err('The texts are the same: there is nothing to amend.');
    return 1;
  }
  for (const f of [...textFindings(alignment), ...statementFindings('the act', { lang: 'ru', operations: ruLaw.operations }, { lang: 'kk', operations: kkLaw.operations })]) io.err(`${f.kind}${f.eId ? ` ${f.eId}` : ''}: ${f.message}`);
  io.out(`# ru\n${ruLaw.text}\n\n# kk\n${kkLaw.text}`);
  return 0;
}
