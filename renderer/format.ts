/**
 * Kazakh month names, as a date is written ("2024 жылғы 1 шілде") and as an act's date is cited
 * ("2024 жылғы 1 шілдедегі № 103-VIII Заң"). Written out here rather than asked of Intl: not every
 * Chromium ships Kazakh date names (headless Chromium writes "2024 M07 1").
 */
const KK_MONTHS = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];
const KK_MONTHS_OF = ['қаңтардағы', 'ақпандағы', 'наурыздағы', 'сәуірдегі', 'мамырдағы', 'маусымдағы', 'шілдедегі', 'тамыздағы', 'қыркүйектегі', 'қазандағы', 'қарашадағы', 'желтоқсандағы'];

function calendarDate(date: string): Date | null {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

function kkDate(year: number, month: number, day: number, months: readonly string[]): string {
  return `${year} жылғы ${day} ${months[month]}`;
}

/** A calendar date (`2024-07-01`) as the interface language writes it. */
export function formatDate(date: string | null, uiLang: string): string {
  if (!date) return '';
  const d = calendarDate(date);
  if (!d) return date;
  if (uiLang === 'kk') return kkDate(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), KK_MONTHS);
  return d.toLocaleDateString(uiLang === 'en' ? 'en-GB' : 'ru-RU', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
}

/**
 * An act's date as it is cited before its number: "от 1 июля 2024 г.", "of 1 July 2024",
 * "2024 жылғы 1 шілдедегі" (in Kazakh the date takes the attributive ending, not a preposition).
 */
export function formatDateOf(date: string | null, uiLang: string): string {
  if (uiLang !== 'kk' || !date) return formatDate(date, uiLang);
  const d = calendarDate(date);
  return d ? kkDate(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), KK_MONTHS_OF) : date;
}

/**
 * A moment (ISO time) as date and time in the interface language; with `seconds` (the audit log,
 * where one minute holds many saves) to the second.
 */
export function formatMoment(iso: string, uiLang: string, { seconds = false }: { seconds?: boolean } = {}): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  if (uiLang === 'kk') return `${kkDate(d.getFullYear(), d.getMonth(), d.getDate(), KK_MONTHS)}, ${two(d.getHours())}:${two(d.getMinutes())}${seconds ? `:${two(d.getSeconds())}` : ''}`;
  return d.toLocaleString(uiLang === 'en' ? 'en-GB' : 'ru-RU', { dateStyle: 'medium', timeStyle: seconds ? 'medium' : 'short' });
}

/** Upper-case language code shown on language buttons. */
export function langBadge(lang: string): string {
  return { ru: 'РУС', kk: 'ҚАЗ', en: 'ENG' }[lang] ?? lang.toUpperCase();
}
