import type { Lang } from '../law/language';

/**
 * The amending formulas of DOMAIN.md in each language, as templates. Placeholders: {A} the unit's
 * address, {AI} "in" + the address (or the heading phrase), {K} the new unit ("пунктом 2-1"),
 * {Q1} {Q2} quoted words, {C} the quoted new wording. The renderer fills them; the parser turns
 * the same templates into patterns, so the two cannot drift apart.
 */
export interface Formulas {
  restate: string;
  insertInto: string;
  insertHere: string;
  repeal: string;
  replace: string;
  add: string;
  delete: string;
  throughout: string;
  /** The heading of the article being amended (inside its group), or of the unit {OF} named. */
  heading: string;
  headingOf: string;
  /** The group header of the changes to one article: {IN} is "в статье 5" / "5-бапта" / "in Article 5". */
  group: string;
  /** The lead-in of an amending law that amends one act: {T} its title. */
  leadIn: string;
  /** The lead-in of one act inside a multi-act law ("1. В Закон …:"). */
  actLeadIn: string;
  /** The lead-in of a law amending several acts. */
  multiLeadIn: string;
  /** The article on entry into force. */
  entryIntoForce: string;
  open: string;
  close: string;
}

/** The formulas per language. */
export const FORMULAS: Record<Lang, Formulas> = {
  ru: {
    restate: '{A} изложить в следующей редакции:\n{C}',
    insertInto: '{A} дополнить {K} следующего содержания:\n{C}',
    insertHere: 'дополнить {K} следующего содержания:\n{C}',
    repeal: '{A} исключить',
    replace: '{AI} слова {Q1} заменить словами {Q2}',
    add: '{AI} после слов {Q1} дополнить словами {Q2}',
    delete: '{AI} слова {Q1} исключить',
    throughout: 'по всему тексту слова {Q1} заменить словами {Q2}',
    heading: 'в заголовке',
    headingOf: 'в заголовке {OF}',
    group: '{IN}:',
    leadIn: 'Статья 1. Внести в {T} следующие изменения и дополнения:',
    actLeadIn: '{N}. В {T} внести следующие изменения и дополнения:',
    multiLeadIn: 'Статья 1. Внести изменения и дополнения в следующие законодательные акты Республики Казахстан:',
    entryIntoForce: 'Статья {N}. Настоящий Закон вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования.',
    open: '«',
    close: '»',
  },
  kk: {
    restate: '{A} мынадай редакцияда жазылсын:\n{C}',
    insertInto: '{A} мынадай мазмұндағы {K} толықтырылсын:\n{C}',
    insertHere: 'мынадай мазмұндағы {K} толықтырылсын:\n{C}',
    repeal: '{A} алынып тасталсын',
    replace: '{AI} {Q1} деген сөздер {Q2} деген сөздермен ауыстырылсын',
    add: '{AI} {Q1} деген сөздерден кейін {Q2} деген сөздермен толықтырылсын',
    delete: '{AI} {Q1} деген сөздер алынып тасталсын',
    throughout: 'бүкіл мәтін бойынша {Q1} деген сөздер {Q2} деген сөздермен ауыстырылсын',
    heading: 'тақырыбында',
    headingOf: '{OF} тақырыбында',
    group: '{IN}:',
    leadIn: '1-бап. {T} мынадай өзгерістер мен толықтырулар енгізілсін:',
    actLeadIn: '{N}. {T} мынадай өзгерістер мен толықтырулар енгізілсін:',
    multiLeadIn: '1-бап. Қазақстан Республикасының мына заңнамалық актілеріне өзгерістер мен толықтырулар енгізілсін:',
    entryIntoForce: '{N}-бап. Осы Заң алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.',
    open: '«',
    close: '»',
  },
  en: {
    restate: '{A} shall be set out in the following wording:\n{C}',
    insertInto: '{A} shall be supplemented by {K} with the following content:\n{C}',
    insertHere: 'shall be supplemented by {K} with the following content:\n{C}',
    repeal: '{A} shall be excluded',
    replace: '{AI}, the words {Q1} shall be replaced by the words {Q2}',
    add: '{AI}, after the words {Q1} add the words {Q2}',
    delete: '{AI}, the words {Q1} shall be deleted',
    throughout: 'throughout the text the words {Q1} shall be replaced by the words {Q2}',
    heading: 'in the heading',
    headingOf: 'in the heading of {OF}',
    group: '{IN}:',
    leadIn: 'Article 1. To make the following amendments and additions to {T}:',
    actLeadIn: '{N}. The following amendments and additions shall be made to {T}:',
    multiLeadIn: 'Article 1. To make amendments and additions to the following legislative acts of the Republic of Kazakhstan:',
    entryIntoForce: 'Article {N}. This Law shall enter into force upon the expiry of ten calendar days after the day of its first official publication.',
    open: '"',
    close: '"',
  },
};

/** Nested quotes inside a quoted text: „…“ in Russian and Kazakh, ‘…’ in English (DOMAIN.md). */
const NESTED: Record<Lang, [RegExp, string, RegExp, string, string, string]> = {
  ru: [/«/g, '„', /»/g, '“', '„', '“'],
  kk: [/«/g, '„', /»/g, '“', '„', '“'],
  en: [/"/g, '‘', /"/g, '’', '‘', '’'],
};

/** Quotes a text for a formula; quotes inside it become nested quotes. */
export function quote(lang: Lang, text: string): string {
  const f = FORMULAS[lang];
  if (lang === 'en') {
    let open = true;
    return `${f.open}${text.replace(/"/g, () => ((open = !open) ? '’' : '‘'))}${f.close}`;
  }
  const [o, no, c, nc] = NESTED[lang];
  return `${f.open}${text.replace(o, no).replace(c, nc)}${f.close}`;
}

/** The text inside quotes, nested quotes turned back. */
export function unquote(lang: Lang, quoted: string): string {
  const [, , , , no, nc] = NESTED[lang];
  const inner = quoted.slice(1, -1);
  if (lang === 'en') return inner.replace(/[‘’]/g, '"');
  return inner.split(no).join('«').split(nc).join('»');
}
