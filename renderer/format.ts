/** A calendar date (`2024-07-01`) as the interface language writes it. */
export function formatDate(date: string | null, uiLang: string): string {
  if (!date) return '';
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? date : d.toLocaleDateString(uiLang === 'en' ? 'en-GB' : 'ru-RU', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
}

/** A moment (ISO time) as date and time in the interface language. */
export function formatMoment(iso: string, uiLang: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(uiLang === 'en' ? 'en-GB' : 'ru-RU', { dateStyle: 'medium', timeStyle: 'short' });
}

/** Upper-case language code shown on language buttons. */
export function langBadge(lang: string): string {
  return { ru: 'РУС', kk: 'ҚАЗ', en: 'ENG' }[lang] ?? lang.toUpperCase();
}
