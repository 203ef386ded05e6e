import { dialogLang } from './link-dialog';

const TEXTS = {
  ru: {
    title: 'Zan Workbench не может открыть базу данных',
    offer: (when: string) => `Можно восстановить резервную копию от ${when}. Файл, который не открылся, сохранится среди резервных копий.`,
    restore: 'Восстановить копию',
    quit: 'Выйти',
    noBackup: 'Резервных копий нет.',
  },
  kk: {
    title: 'Zan Workbench дерекқорды аша алмайды',
    offer: (when: string) => `${when} күнгі сақтық көшірмені қалпына келтіруге болады. Ашылмаған файл сақтық көшірмелер арасында сақталады.`,
    restore: 'Көшірмені қалпына келтіру',
    quit: 'Шығу',
    noBackup: 'Сақтық көшірмелер жоқ.',
  },
  en: {
    title: 'Zan Workbench cannot open its database',
    offer: (when: string) => `The backup of ${when} can be restored. The file that did not open is kept among the backups.`,
    restore: 'Restore the backup',
    quit: 'Quit',
    noBackup: 'There are no backups.',
  },
};

/** The index of the button that restores the backup in refusalDialogOptions' buttons. */
export const RESTORE_BUTTON = 0;

/**
 * The options of dialog.showMessageBoxSync when the database is refused at start (issue 16: "a
 * refusal names the file and the reason, offers to open a backup"): the reason and the file as the
 * detail, and — when there is a backup — the offer to put the newest one in place. Quit is the
 * default and the answer to Escape: nothing is replaced unless the user says so.
 */
export function refusalDialogOptions(reason: string, file: string, newestBackup: { at: string } | null, locale: string) {
  const lang = dialogLang(locale);
  const t = TEXTS[lang];
  const when = newestBackup ? new Date(newestBackup.at).toLocaleString(lang === 'kk' ? 'kk-KZ' : lang === 'en' ? 'en-GB' : 'ru-RU') : '';
  return {
    type: 'error' as const,
    title: t.title,
    message: newestBackup ? t.offer(when) : `${t.title}. ${t.noBackup}`,
    detail: `${reason}\n\n${file}`,
    buttons: newestBackup ? [t.restore, t.quit] : [t.quit],
    defaultId: newestBackup ? 1 : 0,
    cancelId: newestBackup ? 1 : 0,
    noLink: true,
  };
}
