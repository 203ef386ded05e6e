import { useTranslation } from 'react-i18next';
import { backupsCommand } from '../commands/backups-command';
import { commandCatalogue } from '../commands/catalogue';
import { useCommands, type CommandGroup } from '../commands/registry';
import { showGuideAgain } from '../components/FirstStartGuide';

const GROUPS: readonly CommandGroup[] = ['structure', 'navigate', 'review', 'find', 'view', 'app'];
const TOPICS = ['drafts', 'numbering', 'amendments', 'review', 'markup', 'throughout', 'documents'] as const;

/**
 * The help page: what the workbench's words mean (a draft, an amendment, approval and rejection, the
 * markup views, a replacement throughout, the documents), where the backups are and how one is
 * restored, and every command with its shortcut — listed from the commands themselves
 * (commands/catalogue.ts).
 */
export function HelpView() {
  const { t } = useTranslation();
  const app = useCommands().filter((c) => c.group === 'app');
  const commands = commandCatalogue(app);
  return (
    <div className="page help" data-testid="help">
      <h1>{t('help.title')}</h1>
      <p>{t('help.intro')}</p>
      <p>
        <button type="button" className="button" onClick={showGuideAgain} data-testid="help-guide">
          {t('commands.guide')}
        </button>
      </p>
      {TOPICS.map((topic) => (
        <section key={topic}>
          <h2>{t(`help.topics.${topic}.title`)}</h2>
          <p>{t(`help.topics.${topic}.text`)}</p>
        </section>
      ))}
      <section aria-labelledby="help-backups-heading">
        <h2 id="help-backups-heading">{t('help.backups.title')}</h2>
        <p>{t('help.backups.text')}</p>
        <button type="button" className="button" onClick={backupsCommand.run} data-testid="help-backups">
          {t(backupsCommand.title)}
        </button>
      </section>
      <h2>{t('help.commands')}</h2>
      <p className="hint">{t('help.palette')}</p>
      {GROUPS.map((g) => (
        <section key={g}>
          <h3>{t(`commands.groups.${g}`)}</h3>
          <table className="shortcut-table" data-testid={`help-${g}`}>
            <tbody>
              {commands
                .filter((c) => c.group === g)
                .map((c) => (
                  <tr key={c.id}>
                    <td>{t(c.title)}</td>
                    <td>{c.keys ? <kbd>{c.keys}</kbd> : '—'}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
