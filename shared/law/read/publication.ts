import type { Lang } from '../language';
import { KK_MONTHS_NOMINATIVE, MONTHS } from '../months';

/**
 * What an official text carries besides its provisions, per language (DOMAIN.md, "Official
 * publication" and "Real amending laws"): the line that cites the act (its kind, date and number),
 * the portal's notes and editor notes, its table of contents and status labels, and the notes other
 * sites add. None of it is law text: notes are kept as notes, the rest is left out.
 */
interface PublicationMarkers {
  /** The act line: groups `kind`, `day`, `month`, `year`, `number`. */
  act: RegExp;
  /** A footnote of the consolidated text ("Сноска." / "Ескерту." / "Footnote."), kept on the unit above. */
  footnote: RegExp;
  /** An editor note's opening line ("Примечание ИЗПИ!"); its text may follow on the same line or the next. */
  editorNote: RegExp;
  /** The heading of the portal's table of contents, whose entries repeat the headings of the text. */
  contents: RegExp;
  /** A status label the portal prints above or before the act line ("Утративший силу", "Жаңа"). */
  status: RegExp;
  /** A status that says the act is no longer in force (worth telling the user). */
  repealedAct: RegExp;
  /** A note other sites write into the text ("Пункт 5 изложен в редакции Закона РК от … (см. стар. ред.)"). */
  siteNote: RegExp;
  /** Month names as they stand in dates, January first. */
  months: readonly string[];
  /** Words that make the act a code rather than a law. */
  code: RegExp;
}

const RU_MONTHS = MONTHS.ru;
const KK_MONTHS = MONTHS.kk;
const KK_MONTH = [...KK_MONTHS, ...KK_MONTHS_NOMINATIVE].join('|');
const EN_MONTHS = MONTHS.en;
const NUMBER = '(?<number>[0-9A-Za-zА-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі-]+?)';
/** "№" or the Latin "N" older texts use, with or without a space. */
const NO = '(?:№|N)\\s?';
/** What may follow the number: the register suffix (ЗРК / ҚРЗ / ZRK), then a status or anything after a full stop. */
const RU_TAIL = '(?:\\s+ЗРК)?\\.?(?:\\s.*)?$';
const KK_TAIL = '(?:\\s+ҚРЗ)?\\.?(?:\\s.*)?$';

/** The publication markers of each language. */
export const PUBLICATION: Record<Lang, PublicationMarkers> = {
  ru: {
    act: new RegExp(`^(?:Утративший силу\\s*)?(?<kind>Закон|Кодекс|Конституционный закон) Республики Казахстан от (?<day>\\d{1,2}) (?<month>${RU_MONTHS.join('|')}) (?<year>\\d{4}) года ${NO}${NUMBER}${RU_TAIL}`, 'u'),
    footnote: /^Сноска\./u,
    editorNote: /^(Примечание (ИЗПИ|РЦПИ)|Вниманию пользователей)!/u,
    contents: /^(ОГЛАВЛЕНИЕ|Оглавление|СОДЕРЖАНИЕ|Содержание)\.?$/u,
    status: /^(Утративший силу|Новый|Обновленный|Действующий|Не вступил в силу)$/u,
    repealedAct: /^Утративший силу|Утратил силу/u,
    siteNote: /\((см\.?\s*стар\.?\s*ред\.?|см\.? старую редакцию)\)\.?$|^(В|Во) (стать|пункт|подпункт|глав|раздел|част|абзац|заголов)\S* .*внесены изменения|^(Стать[яи]|Пункт|Подпункт|Глава|Раздел|Часть|Абзац|Заголовок)(?![\p{L}\p{N}]).*(?<![\p{L}\p{N}])(изложен[аоы]?|дополнен[аоы]?|исключен[аоы]?|введен[аоы]?) (в редакции|в соответствии с|согласно) Закон(ом|а|у)? (РК|Республики Казахстан) от/u,
    months: RU_MONTHS,
    code: /Кодекс/u,
  },
  kk: {
    act: new RegExp(
      `^(?:Күшін жойған\\s*)?Қазақстан Республикасының (?:(?<kind>Заңы|Кодексі|Конституциялық заңы) (?<year>\\d{4}) жылғы (?<day>\\d{1,2}) (?<month>${KK_MONTH}) ${NO}${NUMBER}${KK_TAIL}|(?<year2>\\d{4}) жылғы (?<day2>\\d{1,2}) (?<month2>${KK_MONTH}) ${NO}(?<number2>[0-9A-Za-zА-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі-]+?) (?<kind2>[Зз]аңы|[Кк]одексі|Конституциялық заңы)\\.?(?:\\s.*)?$)`,
      'u',
    ),
    footnote: /^Ескерту\./u,
    editorNote: /^(ҚР ЗАҢНАМАСЫ ЖӘНЕ ҚҰҚЫҚТЫҚ АҚПАРАТ ИНСТИТУТЫНЫҢ ЕСКЕРТПЕСІ|ЗҚАИ-ның ескертпесі|РҚАО-ның ескертпесі|ҚҰҚЫҚТЫҚ АҚПАРАТ ОРТАЛЫҒЫНЫҢ ЕСКЕРТПЕСІ|Қолданушылар назарына)!?/iu,
    contents: /^(МАЗМҰНЫ|Мазмұны)\.?$/u,
    status: /^(Күшін жойған|Жаңа|Жаңартылған|Қолданыстағы|Күшіне енбеген)$/u,
    repealedAct: /^Күшін жойған|Күші жойылды/u,
    siteNote: /\((бұр\.?\s*ред\.?\s*қара|бұрынғы редакцияны қараңыз)\)\.?$|(өзгерістер|өзгеріс|толықтырулар|толықтыру) енгізілді\s*[-–—]\s*ҚР(?![\p{L}\p{N}]).*Заң(ы|ымен|дарымен)\.?$/u,
    months: KK_MONTHS,
    code: /Кодекс/u,
  },
  en: {
    act: new RegExp(`^(?:The )?(?<kind>Law|Code|Constitutional Law) of the Republic of Kazakhstan (?:dated )?(?<day>\\d{1,2}) (?<month>${EN_MONTHS.join('|')}),? (?<year>\\d{4}),? [Nn]o\\. ?${NUMBER}(?:\\s+ZRK)?\\.?(?:\\s.*)?$`, 'u'),
    footnote: /^(Footnote|Note)\./u,
    editorNote: /^(The (RCLI|ILLI|IZPI) note|Attention users|To the attention of users)!/iu,
    contents: /^(CONTENTS|Contents|Table of contents|TABLE OF CONTENTS)\.?$/u,
    status: /^(Invalidated|Repealed|New|Updated|In force|Not in force)$/u,
    repealedAct: /^(Invalidated|Repealed)\b|\bbecame invalid\b/iu,
    siteNote: /\(see (the )?(old|previous) (version|wording)\)\.?$/iu,
    months: EN_MONTHS,
    code: /Code/u,
  },
};

/** What an act line says: the act's kind, its date (YYYY-MM-DD) and number. */
export interface ActLine {
  kind: 'law' | 'code';
  date: string;
  number: string;
}

/**
 * Reads an act line ("Закон Республики Казахстан от 1 июля 2024 года № 103-VIII ЗРК." / "Қазақстан
 * Республикасының Заңы 2024 жылғы 1 шілдедегі № 103-VIII ҚРЗ.", or the older "Қазақстан
 * Республикасының 2011 жылғы 18 ақпандағы N 407-IV Заңы."), or null. What follows the number (the
 * register suffix, a status such as "Күші жойылды - …") is not part of it.
 */
export function readActLine(lang: Lang, line: string): ActLine | null {
  const markers = PUBLICATION[lang];
  const m = markers.act.exec(line);
  if (!m?.groups) return null;
  const g = m.groups as Record<string, string | undefined>;
  const kind = g['kind'] ?? g['kind2'];
  const day = g['day'] ?? g['day2'];
  const month = g['month'] ?? g['month2'];
  const year = g['year'] ?? g['year2'];
  const number = g['number'] ?? g['number2'];
  const at = markers.months.indexOf(month!);
  const monthNo = (at >= 0 ? at : KK_MONTHS_NOMINATIVE.indexOf(month!)) + 1;
  return { kind: markers.code.test(kind!) ? 'code' : 'law', date: `${year}-${String(monthNo).padStart(2, '0')}-${day!.padStart(2, '0')}`, number: romanNumerals(number!.replace(/\.$/, '')) };
}

/**
 * Roman numerals in Latin letters where a text typed the Cyrillic І for I after a number ("№ 165-VІ",
 * "484-ІІ", as the portal's texts have them): the convocation suffix of an act's number, or of a
 * reference in the text.
 */
export function romanNumerals(text: string): string {
  return text.replace(/(?<=\d-)[IVXLCDMІ]+(?![\p{L}\p{N}])/gu, (roman) => roman.replace(/І/g, 'I'));
}
