import type { PathStep } from '../amend/types';
import type { ProvisionKind } from '../law/kinds';
import type { Lang } from '../law/language';
import { FORMULAS, unquote, type Formulas } from './formulas';
import { parseAddress, unitWord } from './grammar';
import type { ActInstructions } from './render';
import { InstructionError, type Operation } from './types';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern from a formula template: placeholders become capture groups, in order of appearance. */
function pattern(lang: Lang, template: string): { re: RegExp; names: string[] } {
  const quoted = lang === 'en' ? '("[^"]*")' : '(«[^«»]*»)';
  const names: string[] = [];
  const source = escape(template).replace(/\\\{(\w+)\\\}/g, (_, name: string) => {
    names.push(name);
    return name.startsWith('Q') || name === 'C' ? quoted : name === 'T' ? '(.+)' : name === 'N' ? '(\\d+)' : '(.+?)';
  });
  return { re: new RegExp(`^${source}$`, 'su'), names };
}

function match(lang: Lang, template: string, text: string): Record<string, string> | null {
  const { re, names } = pattern(lang, template);
  const m = re.exec(text);
  if (!m) return null;
  return Object.fromEntries(names.map((n, i) => [n, m[i + 1] as string]));
}

const KINDS: readonly ProvisionKind[] = ['article', 'chapter', 'section', 'paragraph', 'subparagraph', 'part'];

/** Reads one unit word in a form at the start of a text (parts by ordinal, others by number). */
function readUnit(lang: Lang, text: string, form: 'of' | 'with' | 'head'): { step: PathStep; length: number } | null {
  const num = /^\D*?(\d+(?:-\d+)*)/u.exec(text)?.[1];
  for (const kind of KINDS) {
    const candidates = kind === 'part' ? ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] : num ? [num] : [];
    for (const n of candidates) {
      const word = unitWord(lang, { kind, num: n }, form);
      if (text.startsWith(word) && (text.length === word.length || text[word.length] === ' ')) return { step: { kind, num: n }, length: word.length };
    }
  }
  return null;
}

/** Reads "подпункта 3) пункта 2 статьи 5" / "5-баптың 2-тармақтың" / "paragraph 2 of Article 5", outermost first. */
function parseOf(lang: Lang, text: string): PathStep[] | null {
  const sep = lang === 'en' ? ' of ' : ' ';
  const steps: PathStep[] = [];
  let rest = text;
  while (rest) {
    const unit = readUnit(lang, rest, lang === 'en' ? 'head' : 'of');
    if (!unit) return null;
    steps.push(unit.step);
    rest = rest.slice(unit.length);
    if (rest && !rest.startsWith(sep)) return null;
    rest = rest.slice(rest ? sep.length : 0);
  }
  // Russian and English name the inner unit first; Kazakh the outer one.
  return lang === 'kk' ? steps : steps.reverse();
}

/** Reads the new unit of an insert ("пунктом 2-1" / "2-1-тармақпен" / "paragraph 2-1"). */
function parseNewUnit(lang: Lang, text: string): PathStep | null {
  const unit = readUnit(lang, text, lang === 'en' ? 'head' : 'with');
  return unit && unit.length === text.length ? unit.step : null;
}

/** Reads one statement into an operation, its addresses made absolute with the group's article. */
function parseStatement(lang: Lang, f: Formulas, text: string, group: PathStep | null): Operation | null {
  const abs = (steps: PathStep[]) => (group ? [group, ...steps] : steps);
  const words = (values: Record<string, string>): { address: PathStep[]; heading: boolean } | null => {
    const ai = values['AI'] as string;
    if (group && ai === f.heading) return { address: [group], heading: true };
    const of = match(lang, f.headingOf, ai);
    if (of) {
      const steps = parseOf(lang, of['OF'] as string);
      return steps ? { address: abs(steps), heading: true } : null;
    }
    const steps = parseAddress(lang, ai, 'in');
    return steps ? { address: abs(steps), heading: false } : null;
  };
  let v = match(lang, f.throughout, text);
  if (v) return { op: 'throughout', from: unquote(lang, v['Q1'] as string), to: unquote(lang, v['Q2'] as string) };
  v = match(lang, f.replace, text);
  const r = v && words(v);
  if (v && r) return { op: 'replace', ...r, from: unquote(lang, v['Q1'] as string), to: unquote(lang, v['Q2'] as string) };
  v = match(lang, f.add, text);
  const a = v && words(v);
  if (v && a) return { op: 'add', ...a, after: unquote(lang, v['Q1'] as string), words: unquote(lang, v['Q2'] as string) };
  v = match(lang, f.delete, text);
  const d = v && words(v);
  if (v && d) return { op: 'delete', ...d, words: unquote(lang, v['Q1'] as string) };
  v = match(lang, f.insertHere, text);
  if (v) {
    const unit = parseNewUnit(lang, v['K'] as string);
    if (unit) return { op: 'insert', parent: group ? [group] : [], kind: unit.kind, num: unit.num, content: unquote(lang, v['C'] as string) };
  }
  v = match(lang, f.insertInto, text);
  if (v) {
    const parent = parseAddress(lang, v['A'] as string, 'head');
    const unit = parseNewUnit(lang, v['K'] as string);
    if (parent && unit) return { op: 'insert', parent: abs(parent), kind: unit.kind, num: unit.num, content: unquote(lang, v['C'] as string) };
  }
  v = match(lang, f.restate, text);
  if (v) {
    const steps = parseAddress(lang, v['A'] as string, 'head');
    if (steps) return { op: 'restate', address: abs(steps), content: unquote(lang, v['C'] as string) };
  }
  v = match(lang, f.repeal, text);
  if (v) {
    const steps = parseAddress(lang, v['A'] as string, 'head');
    if (steps) return { op: 'repeal', address: abs(steps) };
  }
  return null;
}

/** Whether the quotes of a statement so far are all closed. */
function quotesClosed(lang: Lang, text: string): boolean {
  if (lang === 'en') return (text.match(/"/g)?.length ?? 0) % 2 === 0;
  return (text.match(/«/g)?.length ?? 0) === (text.match(/»/g)?.length ?? 0);
}

/**
 * Reads the text of an amending law (as renderAmendingLaw writes it, in the same language) back
 * into the acts it amends and their operations. A statement that is not one of the formulas is an
 * InstructionError naming its line.
 */
export function parseAmendingLaw(lang: Lang, text: string): ActInstructions[] {
  const f = FORMULAS[lang];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const acts: ActInstructions[] = [];
  let act: ActInstructions | null = null;
  let group: PathStep | null = null;
  let buffer: string[] = [];
  let startLine = 0;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] as string;
    if (buffer.length === 0) {
      if (line.trim() === '') continue;
      const single = match(lang, f.leadIn, line);
      const one = match(lang, f.actLeadIn, line);
      if (single || one) {
        act = { citation: ((single ?? one) as Record<string, string>)['T'] as string, operations: [] };
        acts.push(act);
        group = null;
        continue;
      }
      if (line === f.multiLeadIn) continue;
      if (match(lang, f.entryIntoForce, line)) break;
      if (!act) throw new InstructionError(`Line ${i + 1}: expected the lead-in of the amending law, found "${line}".`);
      const item = /^\d+\)\s+(.*)$/su.exec(line);
      if (item) {
        group = null;
        line = item[1] as string;
        const header = match(lang, f.group, line);
        const article = header && parseAddress(lang, header['IN'] as string, 'in');
        if (article?.length === 1 && article[0]?.kind === 'article') {
          group = article[0];
          continue;
        }
      }
      startLine = i + 1;
    }
    buffer.push(line);
    const statement = buffer.join('\n');
    if (!quotesClosed(lang, statement) || !/[;.]$/.test(statement)) continue;
    buffer = [];
    const op = parseStatement(lang, f, statement.slice(0, -1), group);
    if (!op) throw new InstructionError(`Line ${startLine}: not an amending formula: "${statement.split('\n')[0]}"`);
    (act as ActInstructions).operations.push(op);
  }
  if (buffer.length) throw new InstructionError(`Line ${startLine}: unfinished statement (a quote or the closing ";" is missing).`);
  return acts;
}
