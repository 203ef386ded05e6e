import type { PathStep } from '../amend/types';
import { romanNumerals } from '../law/read/publication';
import { kazakhLetters, normalizeBlock, typographicQuotes } from '../law/read/normalize';
import { LANGS, type Lang } from '../law/language';
import { canContain } from './address';
import { FIXED_LINES } from './formulas';
import { isUnreadable, type Grammar, type StatementContext } from './grammar';
import { GRAMMARS } from './lang';
import { splitQuotes } from './quotes';
import type { ActInstructions } from './render';
import { InstructionError, type Operation } from './types';

/** One statement of an amending law as read: where it stands, its text, and what it does (or why it could not be read). */
export interface StatementReading {
  /** The line it begins on (1-based). */
  line: number;
  /** Its text, normalised as it was read (typographic quotes, one space). */
  text: string;
  /** The act it amends: its index in `acts`. */
  act: number;
  /** What it does; empty when it could not be read. */
  operations: Operation[];
  /** Why it could not be read. */
  problem?: string;
}

/** An amending law as read: the acts it amends with their operations, and every statement with its line. */
export interface AmendingLawReading {
  acts: ActInstructions[];
  statements: StatementReading[];
  /** Lines that are neither structure nor statement where a statement was due (with their reasons). */
  problems: { line: number; text: string; reason: string }[];
}

/** The phrase that opens a "throughout the text" group ("по всему тексту:", "Кодекстің бүкіл мәтіні бойынша:"), and what it stands for. */
const THROUGHOUT: Record<Lang, { header: RegExp; prefix: string }> = {
  ru: { header: /^(по всему тексту|по тексту)( (настоящего Закона|Закона|Кодекса|настоящего Кодекса))?$/iu, prefix: 'по всему тексту ' },
  kk: { header: /^((осы )?(Заңның|Кодекстің|заңның|кодекстің) )?бүкіл мәтіні? бойынша$/iu, prefix: 'бүкіл мәтін бойынша ' },
  en: { header: /^throughout the text( of the (Law|Code))?$/iu, prefix: 'throughout the text ' },
};

/**
 * What follows "2) " when the number is a Kazakh subparagraph's, not an item's: the subparagraph's
 * name, at once or after the rest of a list ("2) тармақшасы", "2) және 3) тармақшалары").
 */
const KK_SUBPARAGRAPH_LINK = /^(?:\s*(?:,|және)\s*\d+(?:-\d+)*\))*\s*(?:тармақша|тармақ)\S*(?:\s|$)/u;

/** The words of a statement that introduce the quoted new wording of several units, each in its own quote. */
const NEW_WORDING = /(в следующей редакции|мынадай редакцияда жазылсын|in the following wording)\s*:/u;

/** One line made ready for reading: plain spaces, no indentation, the Kazakh і, Roman numerals in Latin letters, straight English quotes. */
function cleanLine(lang: Lang, raw: string): string {
  let line = normalizeBlock(raw);
  if (lang === 'kk') line = kazakhLetters(line).text;
  if (lang === 'en') line = line.replace(/[“”]/g, '"');
  return romanNumerals(line).replace(/^(\d+(?:-\d+)*-бап|Статья \d+(?:-\d+)*|Article \d+(?:-\d+)*) \./u, '$1.');
}

/** Whether the quotes of a text are all closed, ASCII ones too (the portal prints them at both levels, in pairs). */
function closed(lang: Lang, text: string): boolean {
  const ascii = (text.match(/"/g)?.length ?? 0) % 2 === 0;
  if (lang === 'en') return ascii;
  return ascii && (text.match(/«/g)?.length ?? 0) === (text.match(/»/g)?.length ?? 0);
}

/** A line that holds only a quoted text (the next unit of "подпункты 5) и 15) изложить …"), or opens one. */
function onlyQuote(lang: Lang, line: string): boolean {
  if (!/^[«"]/u.test(line)) return false;
  const split = splitQuotes(lang, lang === 'en' ? line : typographicQuotes(line, lang));
  return split === null || /^\s*⟦0⟧[\s;.,]*$/u.test(split.frame);
}

/**
 * Reads the text of an amending law — as published (the portal's layout: indented, ASCII quotes,
 * a title, an act line and editor notes before Article 1), or as the workbench writes it — into
 * the acts it amends and their operations, statement by statement. Reads every formula of
 * DOMAIN.md's "Real amending laws" in the language of the law: lead-ins for one act or several,
 * items, groups nested to any depth ("в статье 5:" then "в пункте 2:"), lists, "throughout the text"
 * groups, the article on entry into force (where reading stops). A statement it cannot read is kept
 * with its line and the reason, and reading goes on; nothing throws.
 */
export function readAmendingLaw(lang: Lang, text: string): AmendingLawReading {
  const grammar = GRAMMARS[lang];
  const fixed = FIXED_LINES[lang];
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n').map((l) => cleanLine(lang, l));
  const reading: AmendingLawReading = { acts: [], statements: [], problems: [] };
  let phase: 'before' | 'article1' = 'before';
  let multi = false;
  let act: ActInstructions | null = null;
  let item = 0;
  let groups: PathStep[][] = [];
  let throughout = false;
  let buffer: string[] = [];
  let startLine = 0;

  const ctxOf = (group: readonly PathStep[]): StatementContext => ({ group, code: false });
  // The groups a statement may belong to: the innermost first, then each around it, then the act.
  const candidates = () => [...[...groups].reverse(), []];
  const chainOk = (steps: readonly PathStep[]) => steps.every((s, i) => canContain(i === 0 ? 'act' : (steps[i - 1] as PathStep).kind, s.kind));

  const header = (frame: string): boolean => {
    if (THROUGHOUT[lang].header.test(frame)) {
      throughout = true;
      return true;
    }
    for (const group of candidates()) {
      const rel = grammar.readGroupHeader(frame, ctxOf(group));
      if (!rel) continue;
      const abs = [...group, ...rel];
      if (!chainOk(abs)) continue;
      groups = [...groups.slice(0, groups.indexOf(group as PathStep[]) + 1), abs];
      return true;
    }
    return false;
  };

  const statement = (raw: string, line: number) => {
    const typographic = lang === 'en' ? raw : typographicQuotes(raw, lang);
    const split = splitQuotes(lang, typographic);
    const actIndex = reading.acts.length - 1;
    const record = (operations: Operation[], problem?: string) => reading.statements.push({ line, text: typographic.replace(/\s*\n\s*/g, ' '), act: actIndex, operations, ...(problem ? { problem } : {}) });
    if (!split) return record([], 'a quote is not closed');
    let frame = split.frame.replace(/\s+/g, ' ').trim().replace(/[;.]$/, '').trim();
    if (frame.endsWith(':') && split.quotes.length === 0) {
      if (header(frame.slice(0, -1).trim())) return;
      return record([], 'a group header that names no unit');
    }
    if (throughout) frame = THROUGHOUT[lang].prefix + frame;
    // "…, текст на казахском языке не изменяется": said of the statement's unit, read off its end.
    const untouched = untouchedIn(grammar, frame);
    if (untouched) frame = frame.slice(0, -grammar.untouchedClause(untouched).length).trim();
    let why = 'not one of the amending formulas';
    for (const group of candidates()) {
      const unchanged = split.quotes.length === 0 ? readUnchanged(grammar, frame, ctxOf(group)) : null;
      const ops = unchanged ? [unchanged] : grammar.readStatement(frame, split.quotes, ctxOf(group));
      if (isUnreadable(ops)) {
        why = ops.unreadable;
        continue;
      }
      if (!ops.every((op) => op.op === 'throughout' || chainOk(op.op === 'insert' ? op.parent : op.address))) continue;
      if (group.length) groups = groups.slice(0, groups.indexOf(group as PathStep[]) + 1);
      if (untouched) ops[ops.length - 1] = { ...(ops[ops.length - 1] as Operation), untouchedIn: untouched };
      (act as ActInstructions).operations.push(...ops);
      return record(ops);
    }
    record([], why);
  };

  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] as string;
    if (buffer.length === 0) {
      if (line === '') continue;
      if (phase === 'before') {
        if (fixed.isMultiLeadIn(line)) {
          phase = 'article1';
          multi = true;
          continue;
        }
        const citation = fixed.readLeadIn(typographicQuotes(line, lang));
        if (citation !== null) {
          phase = 'article1';
          act = { citation, operations: [] };
          reading.acts.push(act);
        }
        continue; // the title, the act line, editor notes: not statements
      }
      if (fixed.isLaterArticle(line)) break;
      const lead = multi ? fixed.readActLeadIn(typographicQuotes(line, lang)) : null;
      if (lead && lead.n === reading.acts.length + 1) {
        act = { citation: lead.citation, operations: [] };
        reading.acts.push(act);
        item = 0;
        groups = [];
        throughout = false;
        continue;
      }
      if (!act) {
        reading.problems.push({ line: i + 1, text: line, reason: 'a statement before the lead-in of any act' });
        continue;
      }
      const numbered = /^(\d+(?:-\d+)*)\)\s+(.*)$/su.exec(line);
      if (numbered && numbered[1] === String(item + 1) && !(lang === 'kk' && KK_SUBPARAGRAPH_LINK.test(numbered[2] as string))) {
        item += 1;
        groups = [];
        throughout = false;
        line = numbered[2] as string;
      }
      startLine = i + 1;
    }
    buffer.push(line);
    const sofar = buffer.join('\n');
    if (!closed(lang, sofar) || !/[;.:]$/u.test(sofar)) continue;
    if (/:$/u.test(sofar) && !/[«"]/u.test(sofar)) {
      // A group header, or a statement whose quoted text follows on the next lines.
      const frame = sofar.replace(/\s+/g, ' ').trim().slice(0, -1).trim();
      if (THROUGHOUT[lang].header.test(frame) || candidates().some((g) => grammar.readGroupHeader(frame, ctxOf(g)) !== null)) {
        buffer = [];
        if (!header(frame)) reading.statements.push({ line: startLine, text: frame, act: reading.acts.length - 1, operations: [], problem: 'a group header that names no unit here' });
      }
      continue;
    }
    // Several units set out anew, each in its own quote: the quotes that follow belong here.
    let next = i + 1;
    while (next < lines.length && lines[next] === '') next += 1;
    if (next < lines.length && NEW_WORDING.test(sofar) && onlyQuote(lang, lines[next] as string)) continue;
    buffer = [];
    statement(sofar, startLine);
  }
  if (buffer.length) reading.statements.push({ line: startLine, text: buffer.join(' '), act: reading.acts.length - 1, operations: [], problem: 'unfinished statement (a quote or the closing ";" is missing)' });
  if (phase === 'before') reading.problems.push({ line: 1, text: lines.find((l) => l) ?? '', reason: 'no lead-in of Article 1 ("Статья 1. Внести …" / "1-бап. …" / "Article 1. …") was found' });
  return reading;
}

/**
 * Reads an amending law strictly: the acts it amends and their operations, or an InstructionError
 * naming the first statement (and its line) that could not be read.
 */
export function parseAmendingLaw(lang: Lang, text: string): ActInstructions[] {
  const reading = readAmendingLaw(lang, text);
  const bad = reading.statements.find((s) => s.problem);
  if (bad) throw new InstructionError(`Line ${bad.line}: ${bad.problem}: "${clip(bad.text)}"`);
  const problem = reading.problems[0];
  if (problem) throw new InstructionError(`Line ${problem.line}: ${problem.reason}: "${clip(problem.text)}"`);
  return reading.acts;
}

function clip(text: string): string {
  return text.length > 100 ? `${text.slice(0, 97)}…` : text;
}

/** The other language whose text a statement says does not change (it ends with the grammar's clause), if any. */
function untouchedIn(grammar: Grammar, frame: string): Lang | null {
  return LANGS.find((other) => other !== grammar.lang && frame.endsWith(grammar.untouchedClause(other))) ?? null;
}

/**
 * Reads "в пункте 2 статьи 5 изменение вносится в текст на казахском языке, текст на русском
 * языке не изменяется" (an `unchanged` statement): its fixed words, as the grammar writes them for
 * the group itself, after an address the grammar reads as a group header. Null when it is not one.
 */
function readUnchanged(grammar: Grammar, frame: string, ctx: StatementContext): Operation | null {
  for (const changedIn of LANGS) {
    if (changedIn === grammar.lang) continue;
    const words = grammar.statement([{ op: 'unchanged', address: [...ctx.group], changedIn }], ctx);
    if (frame !== words && !frame.endsWith(` ${words}`)) continue;
    const where = frame.slice(0, frame.length - words.length).trim().replace(/,$/, '');
    const rel = where ? grammar.readGroupHeader(where, ctx) : [];
    if (rel) return { op: 'unchanged', address: [...ctx.group, ...rel], changedIn };
  }
  return null;
}
