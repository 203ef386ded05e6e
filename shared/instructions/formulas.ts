import type { Lang } from '../law/language';
import type { Operation } from './types';

/**
 * The fixed lines of an amending law around its statements, per language, as published laws have
 * them (DOMAIN.md, "Real amending laws"): Article 1's lead-in (one act, or several), the lead-in
 * of each act of a multi-act law, the article on entry into force; and the patterns that read
 * them back, older wordings included.
 */
export interface FixedLines {
  /** "Статья 1. Внести в <act> следующие изменения и дополнения:", agreeing with what the law does. */
  leadIn(citation: string, ops: readonly Operation[]): string;
  /** "Статья 1. Внести изменения и дополнения в следующие законодательные акты Республики Казахстан:" */
  multiLeadIn: string;
  /** "1. В <act>:" */
  actLeadIn(n: number, citation: string): string;
  /** "Статья 2. Настоящий Закон вводится в действие …" */
  entryIntoForce(n: number): string;
  /** Reads Article 1's lead-in for one act: the citation, or null. */
  readLeadIn(line: string): string | null;
  /** Whether a line is Article 1's lead-in for several acts. */
  isMultiLeadIn(line: string): boolean;
  /** Reads an act's lead-in in a multi-act law ("1. В Закон … (Ведомости …):"): its number and citation. */
  readActLeadIn(line: string): { n: number; citation: string } | null;
  /** Whether a line opens an article of the amending law after Article 1 (entry into force and the rest). */
  isLaterArticle(line: string): boolean;
}

/** How many changes and how many additions a law makes, for the words of its lead-in. */
function counts(ops: readonly Operation[]): { changes: number; additions: number } {
  let changes = 0;
  let additions = 0;
  for (const op of ops) {
    if (op.op === 'insert' || op.op === 'insertLine' || op.op === 'add' || op.op === 'append') additions += 1;
    else changes += 1;
  }
  return { changes, additions };
}

/** "следующие изменения и дополнения" / "следующее изменение" / "следующие изменение и дополнения" … */
function ruWhat(ops: readonly Operation[]): string {
  const { changes, additions } = counts(ops);
  const c = changes === 1 ? 'изменение' : 'изменения';
  const a = additions === 1 ? 'дополнение' : 'дополнения';
  const parts = [changes ? c : '', additions ? a : ''].filter(Boolean);
  const one = changes + additions === 1;
  return `${one ? 'следующее' : 'следующие'} ${parts.join(' и ') || 'изменения'}`;
}

/**
 * "мынадай өзгерістер мен толықтырулар" / "мынадай өзгеріс пен толықтыру" …: the conjunction goes
 * by the last sound of the word before it (пен after a voiceless consonant: "өзгеріс пен"; мен
 * after a vowel or a sonorant: "өзгерістер мен"), which for these two words is their number.
 */
function kkWhat(ops: readonly Operation[]): string {
  const { changes, additions } = counts(ops);
  const c = changes === 1 ? 'өзгеріс' : 'өзгерістер';
  const a = additions === 1 ? 'толықтыру' : 'толықтырулар';
  if (changes && additions) return `мынадай ${c} ${changes === 1 ? 'пен' : 'мен'} ${a}`;
  return `мынадай ${additions ? a : c}`;
}

function enWhat(ops: readonly Operation[]): string {
  const { changes, additions } = counts(ops);
  const parts = [changes ? (changes === 1 ? 'amendment' : 'amendments') : '', additions ? (additions === 1 ? 'addition' : 'additions') : ''].filter(Boolean);
  return `the following ${parts.join(' and ') || 'amendments'}`;
}

const RU_WHAT = '(?:следующее|следующие)\\s+(?:изменени[ея]|дополнени[ея])(?:\\s+и\\s+(?:изменени[ея]|дополнени[ея]))?';
const KK_WHAT = 'мынадай\\s+(?:өзгерістер|өзгеріс|толықтырулар|толықтыру)(?:\\s+(?:мен|пен)\\s+(?:толықтырулар|толықтыру|өзгерістер|өзгеріс))?';

/** The fixed lines in each language. */
export const FIXED_LINES: Record<Lang, FixedLines> = {
  ru: {
    leadIn: (citation, ops) => `Статья 1. Внести в ${citation} ${ruWhat(ops)}:`,
    multiLeadIn: 'Статья 1. Внести изменения и дополнения в следующие законодательные акты Республики Казахстан:',
    actLeadIn: (n, citation) => `${n}. В ${citation}:`,
    entryIntoForce: (n) => `Статья ${n}. Настоящий Закон вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования.`,
    readLeadIn: (line) => new RegExp(`^Статья 1\\s?\\.\\s+Внести в (.+?)\\s+${RU_WHAT}:$`, 'u').exec(line)?.[1] ?? null,
    isMultiLeadIn: (line) => /^(Статья 1\s?\.\s+)?Внести (изменения|изменения и дополнения|дополнения|изменение|дополнение|изменения и дополнение|изменение и дополнения) в (следующие|некоторые) законодательные акты Республики Казахстан:$/u.test(line),
    readActLeadIn: (line) => {
      const m = new RegExp(`^(\\d+)\\.\\s+В\\s+(.+?)(?:\\s+внести\\s+${RU_WHAT})?:$`, 'u').exec(line);
      return m ? { n: Number(m[1]), citation: m[2] as string } : null;
    },
    isLaterArticle: (line) => /^Статья ([2-9]|\d{2,})\s?\./u.test(line),
  },
  kk: {
    leadIn: (citation, ops) => `1-бап. ${citation} ${kkWhat(ops)} енгізілсін:`,
    multiLeadIn: '1-бап. Қазақстан Республикасының мына заңнамалық актілеріне өзгерістер мен толықтырулар енгізілсін:',
    actLeadIn: (n, citation) => `${n}. ${citation}:`,
    entryIntoForce: (n) => `${n}-бап. Осы Заң алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.`,
    readLeadIn: (line) => new RegExp(`^1-бап\\s?\\.\\s+(.+?)\\s+${KK_WHAT}\\s+енгізілсін:$`, 'u').exec(line)?.[1] ?? null,
    isMultiLeadIn: (line) => /^(1-бап\s?\.\s+)?Қазақстан Республикасының (мына|мынадай|кейбір) (заңнамалық|заң) актілеріне (өзгерістер|өзгеріс|толықтырулар|толықтыру)( (мен|пен) (толықтырулар|толықтыру|өзгерістер))? енгізілсін:$/u.test(line),
    readActLeadIn: (line) => {
      const m = new RegExp(`^(\\d+)\\.\\s+(.+?)(?:\\s+${KK_WHAT}\\s+енгізілсін)?:$`, 'u').exec(line);
      return m && /(кодексіне|Кодексіне|Заңына|заңына|Жарлығына|актісіне)(\s*\(.*\))?$/u.test(m[2] as string) ? { n: Number(m[1]), citation: m[2] as string } : null;
    },
    isLaterArticle: (line) => /^([2-9]|\d{2,})-бап\s?\./u.test(line),
  },
  en: {
    leadIn: (citation, ops) => `Article 1. To make ${enWhat(ops)} to ${citation}:`,
    multiLeadIn: 'Article 1. To make amendments and additions to the following legislative acts of the Republic of Kazakhstan:',
    actLeadIn: (n, citation) => `${n}. To ${citation}:`,
    entryIntoForce: (n) => `Article ${n}. This Law shall enter into force upon the expiry of ten calendar days after the day of its first official publication.`,
    readLeadIn: (line) => /^Article 1\.\s+To make the following (?:amendments?|additions?)(?: and (?:amendments?|additions?))? to (.+):$/u.exec(line)?.[1] ?? null,
    isMultiLeadIn: (line) => /^(Article 1\.\s+)?To make (amendments|amendments and additions|additions) to the following legislative acts of the Republic of Kazakhstan:$/u.test(line),
    readActLeadIn: (line) => {
      const m = /^(\d+)\.\s+(?:To|In)\s+(.+):$/u.exec(line);
      return m ? { n: Number(m[1]), citation: m[2] as string } : null;
    },
    isLaterArticle: (line) => /^Article ([2-9]|\d{2,})\./u.test(line),
  },
};
