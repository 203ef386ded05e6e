// The commands that read law texts and print text: check, format, diff, instructions.
import { amendmentsToJSON, amendmentsToText, derive } from '../../shared/amend';
import { citation, InstructionError, planOperations, renderAmendingLaw, type ActInstructions } from '../../shared/instructions';
import { countByKind, printLaw, type Lang } from '../../shared/law';
import { DEFAULT_TITLE } from './document-commands';
import { load, type CliIO, type LoadedLaw } from './io';

/** "5 articles, 1 article text, …": what a reader found, for `zan check`. */
function shapeOf(loaded: LoadedLaw): string {
  const c = countByKind(loaded.parsed);
  const { title, act } = loaded.read;
  const head = [title ? `«${title}»` : '', act ? `${act.kind} of ${act.date} № ${act.number}` : ''].filter(Boolean);
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  const counts = [
    n(c.section, 'section', 'sections'),
    n(c.chapter, 'chapter', 'chapters'),
    n(c.article, 'article', 'articles'),
    n(c.intro, 'article text (lead-in)', 'article texts (lead-ins)'),
    n(c.part, 'part', 'parts'),
    n(c.paragraph, 'paragraph', 'paragraphs'),
    n(c.subparagraph, 'subparagraph', 'subparagraphs'),
  ].join(', ');
  return [loaded.parsed.lang, ...head, counts].join('; ');
}

/** Reads law texts and reports what was found (title, act line, units) and every warning; exit 1 on an error. */
export function check(file: string, lang: Lang | undefined, io: CliIO): number {
  const loaded = load(file, lang, io);
  if (typeof loaded === 'number') return loaded;
  io.out(`${file}: OK (${shapeOf(loaded)})`);
  return 0;
}

/** Prints (or checks, or writes) the canonical form of a law text. */
export function format(file: string, lang: Lang | undefined, flags: { check: boolean; write: boolean }, io: CliIO): number {
  const loaded = load(file, lang, io);
  if (typeof loaded === 'number') return loaded;
  const canonical = printLaw(loaded.parsed);
  if (flags.check) {
    if (canonical === loaded.text) return 0;
    io.err(`${file}: not in canonical form (run: zan format --write ${file})`);
    return 1;
  }
  if (flags.write) {
    if (canonical !== loaded.text) io.writeFile(file, canonical);
    return 0;
  }
  io.out(canonical.replace(/\n$/, ''));
  return 0;
}

/** The amendments between two texts, as text or JSON. */
export function diff(baseFile: string, draftFile: string, lang: Lang | undefined, json: boolean, io: CliIO): number {
  const base = load(baseFile, lang, io);
  if (typeof base === 'number') return base;
  const draft = load(draftFile, lang ?? base.parsed.lang, io);
  if (typeof draft === 'number') return draft;
  const amendments = derive(base.parsed, draft.parsed, { onDefect: (m) => io.err(`defect: ${m}`) });
  if (json) io.out(JSON.stringify(amendmentsToJSON(amendments, base.parsed.lang), null, 2));
  else io.out(amendments.length ? amendmentsToText(amendments, base.parsed.lang) : 'No amendments: the texts are the same.');
  return 0;
}

/**
 * The amending law that turns each base into its draft: one act per pair of files (several pairs:
 * the layout of a law amending several acts), each cited by its `--title` (in order), else by the
 * title and act line its base file has, else generically. An act is a code (its articles' items
 * "2)" are "пункты") when its act line or title says so.
 */
export function instructions(files: readonly string[], lang: Lang | undefined, titles: readonly string[], io: CliIO): number {
  if (files.length % 2 !== 0) {
    io.err('instructions takes pairs of files: a base text and its draft, for each act it amends.');
    return 2;
  }
  if (titles.length > files.length / 2) {
    io.err(`instructions got ${titles.length} --title for ${files.length / 2} act(s): give one --title per pair of files, in order.`);
    return 2;
  }
  const acts: ActInstructions[] = [];
  let l: Lang | undefined = lang;
  for (let i = 0; i < files.length; i += 2) {
    const base = load(files[i] as string, l, io);
    if (typeof base === 'number') return base;
    l ??= base.parsed.lang;
    const draft = load(files[i + 1] as string, l, io);
    if (typeof draft === 'number') return draft;
    const given = titles[i / 2];
    const { title, act } = base.read;
    const cited = given ?? (title ? citation(l, act?.kind ?? 'law', act?.date ?? null, title) : DEFAULT_TITLE[l]);
    // A code by its act line, or by the title given or read ("Бюджетный кодекс", "Бюджет кодексі", "Budget Code").
    const code = act?.kind === 'code' || /(^|\s)(кодекс|code)/iu.test(given ?? title ?? '');
    try {
      const operations = planOperations(base.parsed, draft.parsed, { code });
      if (operations.length) acts.push({ citation: cited, operations, code });
    } catch (error) {
      if (!(error instanceof InstructionError)) throw error;
      io.err(`${files[i]} → ${files[i + 1]}: ${error.message}`);
      return 1;
    }
  }
  if (acts.length === 0) {
    io.err('The texts are the same: there is nothing to amend.');
    return 1;
  }
  io.out(renderAmendingLaw(l as Lang, acts).replace(/\n$/, ''));
  return 0;
}
