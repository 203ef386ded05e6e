import { useTranslation } from 'react-i18next';
import type { AppCommand } from '../commands/registry';

/** The commands a toolbar shows, by id, in order (a gap where a separator stands). */
const TOOLBAR: readonly (string | null)[] = ['unit.after', 'unit.child', 'unit.repeal', null, 'unit.moveUp', 'unit.moveDown', 'unit.renumber', null, 'review.prevChange', 'review.nextChange', null, 'find.open', 'find.replace'];

/** Short signs for the buttons; the name and the shortcut are the button's title and accessible name. */
const ICONS: Readonly<Record<string, string>> = {
  'unit.after': '+',
  'unit.child': '↳',
  'unit.repeal': '⊘',
  'unit.moveUp': '↑',
  'unit.moveDown': '↓',
  'unit.renumber': '№',
  'review.prevChange': '◂',
  'review.nextChange': '▸',
  'find.open': '⌕',
  'find.replace': '⇄',
};

/** The buttons that also show a word (the structure commands a drafter looks for first). */
const WORDS: Readonly<Record<string, string>> = { 'unit.after': 'commands.unitAfterShort', 'unit.child': 'commands.unitChildShort', 'unit.repeal': 'commands.repealShort' };

/**
 * The editing toolbar of a draft: the structure commands and moving between changes, each with its
 * name and shortcut in its tooltip. A button does not take the focus from the editor (the command
 * acts at the cursor).
 */
export function StructureToolbar({ commands }: { commands: readonly AppCommand[] }) {
  const { t } = useTranslation();
  const byId = new Map(commands.map((c) => [c.id, c]));
  return (
    <div className="structure-toolbar" role="toolbar" aria-label={t('commands.toolbar')} data-testid="structure-toolbar">
      {TOOLBAR.map((id, i) => {
        if (id === null) return <span key={`gap-${i}`} className="toolbar-gap" aria-hidden="true" />;
        const c = byId.get(id);
        if (!c) return null;
        const label = `${t(c.title)}${c.keys ? ` (${c.keys})` : ''}`;
        return (
          <button
            key={id}
            type="button"
            className="tool-button"
            title={label}
            aria-label={label}
            disabled={c.enabled ? !c.enabled() : false}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => c.run()}
            data-testid={`tool-${id}`}
          >
            <span aria-hidden="true">{ICONS[id] ?? '•'}</span>
            {WORDS[id] && <span className="tool-label">{t(WORDS[id])}</span>}
          </button>
        );
      })}
    </div>
  );
}
