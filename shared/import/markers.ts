import type { Lang } from '../law/language';

/**
 * What an official text carries besides its provisions, per language (DOMAIN.md, "Official
 * publication"): the line that cites the act (its kind, date and number), editor notes, and the
 * months of dates in those lines.
 */
interface PublicationMarkers {
  /** The act line: groups `kind`, `day`, `month`, `year`, `number`. */
  act: RegExp;
  /** An editor note's opening line ("Примечание ИЗПИ!"); its text may follow on the same line or the next. */
  editorNote: RegExp;
  /** Month names as they stand in dates, January first. */
  months: readonly string[];
  /** Words that make the act a code rather than a law. */
  code: RegExp;
}

const RU_MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const KK_MONTHS = ['қаңтардағы', 'ақпандағы', 'наурыздағы', 'сәуірдегі', 'мамырдағы', 'маусымдағы', 'шілдедегі', 'тамыздағы', 'қыркүйектегі', 'қазандағы', 'қарашадағы', 'желтоқсандағы'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const NUMBER = '(?<number>[0-9A-Za-zА-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі-]+)';

/** The publication markers of each language. */
export const PUBLICATION: Record<Lang, PublicationMarkers> = {
  ru: {
    act: new RegExp(`^(?<kind>Закон|Кодекс) Республики Казахстан от (?<day>\\d{1,2}) (?<month>${RU_MONTHS.join('|')}) (?<year>\\d{4}) года № ${NUMBER}\\.?$`, 'u'),
    editorNote: /^Примечание (ИЗПИ|РЦПИ)!/u,
    months: RU_MONTHS,
    code: /^Кодекс/u,
  },
  kk: {
    act: new RegExp(`^Қазақстан Республикасының (?<year>\\d{4}) жылғы (?<day>\\d{1,2}) (?<month>${KK_MONTHS.join('|')}) № ${NUMBER} (?<kind>Заңы|Кодексі)\\.?$`, 'u'),
    editorNote: /^(ҚР ЗАҢНАМАСЫ ЖӘНЕ ҚҰҚЫҚТЫҚ АҚПАРАТ ИНСТИТУТЫНЫҢ ЕСКЕРТПЕСІ|ЗҚАИ-ның ескертпесі|ҚҰҚЫҚТЫҚ АҚПАРАТ ОРТАЛЫҒЫНЫҢ ЕСКЕРТПЕСІ)!?/iu,
    months: KK_MONTHS,
    code: /Кодекс/u,
  },
  en: {
    act: new RegExp(`^(?:The )?(?<kind>Law|Code) of the Republic of Kazakhstan (?:dated )?(?<day>\\d{1,2}) (?<month>${EN_MONTHS.join('|')}),? (?<year>\\d{4}),? No\\. ?${NUMBER}\\.?$`, 'u'),
    editorNote: /^The (RCLI|ILLI) note!/iu,
    months: EN_MONTHS,
    code: /^(?:The )?Code/u,
  },
};

/** What an act line says: the act's kind, its date (YYYY-MM-DD) and number. */
export interface ActLine {
  kind: 'law' | 'code';
  date: string;
  number: string;
}

/** Reads an act line ("Закон Республики Казахстан от 1 июля 2024 года № 103-VIII."), or null. */
export function readActLine(lang: Lang, line: string): ActLine | null {
  const markers = PUBLICATION[lang];
  const m = markers.act.exec(line);
  if (!m?.groups) return null;
  const { kind, day, month, year, number } = m.groups as Record<string, string>;
  const monthNo = markers.months.indexOf(month!) + 1;
  return { kind: markers.code.test(kind!) ? 'code' : 'law', date: `${year}-${String(monthNo).padStart(2, '0')}-${day!.padStart(2, '0')}`, number: number!.replace(/\.$/, '') };
}
