// The commands that write documents: the comparative table, the redline, the Akoma Ntoso act.
import { derive } from '../../shared/amend';
import { aknAct } from '../../shared/akn';
import type { Lang } from '../../shared/law';
import { REDLINE_WORDS, redlineHtml, redlineParagraphs } from '../../shared/redline';
import { comparativeTable, comparativeTableHtml } from '../../shared/table/comparative';
import { htmlToPdfHeadless } from '../io/pdf-headless';
import { redlineDocx } from '../io/redline-docx';
import { comparativeTableDocx } from '../io/table-docx';
import { load, type CliIO } from './io';

/** How an act is cited when the user did not say. */
export const DEFAULT_TITLE: Record<Lang, string> = { ru: 'Закон Республики Казахстан', kk: 'Қазақстан Республикасының Заңына', en: 'the Law of the Republic of Kazakhstan' };

/** Writes the comparative table of the changes as DOCX or HTML. */
export async function table(baseFile: string, draftFile: string, lang: Lang | undefined, out: string, title: string | undefined, io: CliIO): Promise<number> {
  const base = load(baseFile, lang, io);
  if (typeof base === 'number') return base;
  const draft = load(draftFile, lang ?? base.parsed.lang, io);
  if (typeof draft === 'number') return draft;
  const l = base.parsed.lang;
  const rows = comparativeTable(derive(base.parsed, draft.parsed), l);
  const heading = title ?? DEFAULT_TITLE[l];
  if (/\.docx$/i.test(out)) io.writeFile(out, await comparativeTableDocx(rows, l, heading));
  else if (/\.html?$/i.test(out)) io.writeFile(out, comparativeTableHtml(rows, l, heading));
  else {
    io.err('--out must end in .docx or .html');
    return 2;
  }
  io.out(`${out}: ${rows.length} rows`);
  return 0;
}

/** Writes (or prints) a law as an Akoma Ntoso act. */
export function akn(file: string, lang: Lang | undefined, options: { title: string | undefined; date: string | null; number: string | null; out: string | undefined }, io: CliIO): number {
  const law = load(file, lang, io);
  if (typeof law === 'number') return law;
  const today = new Date().toISOString().slice(0, 10);
  const xml = aknAct(law.parsed, { kind: 'law', date: options.date, number: options.number, title: options.title ?? DEFAULT_TITLE[law.parsed.lang] }, options.date ?? today, false);
  if (options.out) {
    io.writeFile(options.out, xml);
    io.out(`${options.out}: Akoma Ntoso act`);
  } else io.out(xml.replace(/\n$/, ''));
  return 0;
}

/** Writes the redline as DOCX (tracked changes), HTML, or PDF printed from that HTML. */
export async function redline(baseFile: string, draftFile: string, lang: Lang | undefined, out: string, options: { author: string; title: string | undefined; changedOnly: boolean }, io: CliIO): Promise<number> {
  const base = load(baseFile, lang, io);
  if (typeof base === 'number') return base;
  const draft = load(draftFile, lang ?? base.parsed.lang, io);
  if (typeof draft === 'number') return draft;
  const amendments = derive(base.parsed, draft.parsed);
  const paragraphs = redlineParagraphs(base.parsed, draft.parsed, amendments, { changedOnly: options.changedOnly });
  const title = options.title ?? REDLINE_WORDS[base.parsed.lang].redline;
  const date = new Date().toISOString();
  // The running header of either: the law's language and today's date (no package outside the app).
  const page = { lang: base.parsed.lang, title, date: date.slice(0, 10) };
  if (/\.docx$/i.test(out)) io.writeFile(out, await redlineDocx(paragraphs, { ...page, revisionOf: () => ({ author: options.author, date }) }));
  else {
    const html = redlineHtml(paragraphs, { ...page, preparedBy: `${options.author}, ${date.slice(0, 10)}` });
    if (/\.html$/i.test(out)) io.writeFile(out, html);
    else {
      try {
        io.writeFile(out, await htmlToPdfHeadless(html));
      } catch (error) {
        io.err((error as Error).message);
        return 2;
      }
    }
  }
  io.out(`${out}: ${amendments.length} amendments as tracked changes`);
  return 0;
}
