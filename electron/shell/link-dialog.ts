/** The languages the confirmation speaks: the interface's three. */
export type DialogLang = 'ru' | 'kk' | 'en';

/**
 * The dialog's language from the system locale (app.getLocale()). The interface language is chosen
 * in the page and kept there (localStorage), out of the main process's reach, so the locale decides:
 * Kazakh or English where the system is, Russian — the interface's default — otherwise.
 */
export function dialogLang(locale: string): DialogLang {
  const lang = locale.slice(0, 2).toLowerCase();
  return lang === 'kk' || lang === 'en' ? lang : 'ru';
}

const TEXTS: Record<DialogLang, { title: string; message: string; open: string; cancel: string }> = {
  ru: { title: 'Открыть ссылку', message: 'Открыть эту ссылку в браузере?', open: 'Открыть', cancel: 'Отмена' },
  kk: { title: 'Сілтемені ашу', message: 'Бұл сілтемені браузерде ашу керек пе?', open: 'Ашу', cancel: 'Бас тарту' },
  en: { title: 'Open link', message: 'Open this link in your browser?', open: 'Open', cancel: 'Cancel' },
};

/** The index of the button that opens the link in linkDialogOptions' buttons. */
export const OPEN_BUTTON = 0;

/**
 * The options of dialog.showMessageBox asking whether to open a URL in the browser: the URL in
 * full as the detail, Cancel as the default and the answer to Escape (a stray Enter opens nothing),
 * plain buttons (noLink: Windows would otherwise turn them into command links that hide the choice).
 */
export function linkDialogOptions(url: string, locale: string) {
  const t = TEXTS[dialogLang(locale)];
  return {
    type: 'question' as const,
    title: t.title,
    message: t.message,
    detail: url,
    buttons: [t.open, t.cancel],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
}
