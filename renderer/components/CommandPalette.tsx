import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommands, type AppCommand, type CommandGroup } from '../commands/registry';

const GROUP_ORDER: readonly CommandGroup[] = ['structure', 'review', 'navigate', 'find', 'view', 'app'];

const OPEN_EVENT = 'zan-open-palette';

/** Opens the command palette (the title bar's button, the palette's own command). */
export function openPalette(): void {
  window.dispatchEvent(new Event(OPEN_EVENT));
}

/** Whether a key event opens the palette: Ctrl+K (Cmd+K) or F1, as editors have it. */
function opensPalette(e: KeyboardEvent): boolean {
  return e.key === 'F1' || ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k');
}

/**
 * The command palette (Ctrl+K or F1): every command the app and the open view offer, with its
 * shortcut, filtered as one types; ↑/↓ choose, Enter runs, Esc closes. A command runs where the
 * drafter was: the palette gives the focus back first, so an editor command acts at the cursor.
 */
export function CommandPalette() {
  const { t } = useTranslation();
  const commands = useCommands();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [at, setAt] = useState(0);
  const dialog = useRef<HTMLDialogElement>(null);
  const before = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const show = () => {
      before.current = document.activeElement as HTMLElement | null;
      setQuery('');
      setAt(0);
      setOpen(true);
    };
    const onKey = (e: KeyboardEvent) => {
      if (!opensPalette(e)) return;
      e.preventDefault();
      show();
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener(OPEN_EVENT, show);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener(OPEN_EVENT, show);
    };
  }, []);

  useEffect(() => {
    const d = dialog.current;
    if (open && d && !d.open) d.showModal();
  }, [open]);

  const shown = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/u).filter(Boolean);
    // The open text's commands first (what a drafter reaches for), the app's last.
    const order = (c: AppCommand) => GROUP_ORDER.indexOf(c.group);
    return commands
      .filter((c) => {
        // The command's id too ("unit.repeal"): its English name finds it in any interface language.
        const text = `${t(c.title)} ${t(`commands.groups.${c.group}`)} ${c.keys ?? ''} ${c.id}`.toLowerCase();
        return words.every((w) => text.includes(w));
      })
      .sort((a, b) => order(a) - order(b));
  }, [commands, query, t]);

  const close = () => {
    dialog.current?.close();
    setOpen(false);
    before.current?.focus();
  };
  const run = (command: AppCommand | undefined) => {
    if (!command || (command.enabled && !command.enabled())) return;
    close();
    // After the focus is back where the drafter was (the editor), so the command acts at its cursor.
    requestAnimationFrame(() => command.run());
  };

  if (!open) return null;
  const current = Math.min(at, Math.max(0, shown.length - 1));
  return (
    <dialog ref={dialog} className="dialog command-palette" aria-label={t('commands.palette')} data-testid="command-palette" onClose={() => setOpen(false)}>
      <input
        className="palette-input"
        value={query}
        autoFocus
        placeholder={t('commands.placeholder')}
        aria-label={t('commands.palette')}
        aria-controls="palette-list"
        aria-activedescendant={shown[current] ? `palette-${shown[current].id}` : undefined}
        onChange={(e) => {
          setQuery(e.target.value);
          setAt(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setAt((current + (e.key === 'ArrowDown' ? 1 : -1) + shown.length) % Math.max(1, shown.length));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            run(shown[current]);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            close();
          }
        }}
        data-testid="palette-input"
      />
      <ul id="palette-list" role="listbox" className="palette-list" aria-label={t('commands.palette')} tabIndex={0}>
        {shown.map((c, i) => {
          const enabled = !c.enabled || c.enabled();
          return (
            <li
              key={c.id}
              id={`palette-${c.id}`}
              role="option"
              aria-selected={i === current}
              aria-disabled={!enabled}
              className={`${i === current ? 'is-current' : ''}${enabled ? '' : ' is-disabled'}`}
              onMouseEnter={() => setAt(i)}
              onClick={() => run(c)}
              data-testid="palette-command"
              data-command={c.id}
            >
              <span className="palette-group">{t(`commands.groups.${c.group}`)}</span>
              <span className="palette-title">{t(c.title)}</span>
              {c.keys && <kbd>{c.keys}</kbd>}
            </li>
          );
        })}
        {shown.length === 0 && <li className="hint">{t('commands.none')}</li>}
      </ul>
    </dialog>
  );
}
