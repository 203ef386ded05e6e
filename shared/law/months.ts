import type { Lang } from './language';

/**
 * The months as acts are dated in each language, one home for every place that writes or reads a
 * date: "от 18 февраля 2011 года" (ru, genitive), "2011 жылғы 18 ақпандағы" (kk, locative; older
 * act lines have the nominative, "2002 жылғы 21 мамыр"), "of 18 February 2011" (en).
 */
export const MONTHS: Readonly<Record<Lang, readonly string[]>> = {
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  kk: ['қаңтардағы', 'ақпандағы', 'наурыздағы', 'сәуірдегі', 'мамырдағы', 'маусымдағы', 'шілдедегі', 'тамыздағы', 'қыркүйектегі', 'қазандағы', 'қарашадағы', 'желтоқсандағы'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** The Kazakh months in the nominative, as some older act lines write them. */
export const KK_MONTHS_NOMINATIVE: readonly string[] = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];
