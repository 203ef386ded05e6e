import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppCommand } from '../commands/registry';

/** The commands of the menu, by id, in order (null: a separator). */
const MENU: readonly (string | null)[] = ['edit.copy', null, 'unit.after', 'unit.child', 'unit.repeal', null, 'unit.moveUp', 'unit.moveDown', 'unit.renumber', null, 'review.prevChange', 'review.nextChange', 'find.open', 'find.replace'];

/**
 * The editor's context menu (right click, Shift+F10 or the menu key): copy with the units' numbers,
 * the structure commands and moving between changes, each with its shortcut. Esc or a click
 * elsewhere closes it; ↑/↓ move between its entries. The shell has no menu of its own here.
 */
export function EditorContextMenu({ commands, view }: { commands: readonly AppCommand[]; view(): EditorView | null }) {
  const { t } = useTranslation();
  const [at, setAt] = useState<{ x: number; y: number } | null>(null);
  const menu = useRef<HTMLDivElement>(null);
  const byId = new Map<string, AppCommand>([
    ...commands.map((c): [string, AppCommand] => [c.id, c]),
    // The copy handler of the editor puts the numbers in (editor/copy-with-numbers.ts).
    ['edit.copy', { id: 'edit.copy', title: 'commands.copyWithNumbers', keys: 'Ctrl+C', group: 'structure', run: () => document.execCommand('copy') }],
  ]);

  useEffect(() => {
    const onMenu = (e: MouseEvent) => {
      const target = e.target as HTMLElement | null;
      if (!target?.closest('.zan-law')) return;
      e.preventDefault();
      // A right click outside the selection puts the cursor where it was made, as Word does: the
      // commands act on the unit clicked.
      const v = view();
      const hit = v && e.button === 2 ? v.posAtCoords({ left: e.clientX, top: e.clientY }) : null;
      if (v && hit && (hit.pos < v.state.selection.from || hit.pos > v.state.selection.to)) {
        v.dispatch(v.state.tr.setSelection(TextSelection.near(v.state.doc.resolve(hit.pos))).setMeta('addToHistory', false));
      }
      setAt({ x: Math.min(e.clientX, window.innerWidth - 300), y: Math.min(e.clientY, window.innerHeight - 360) });
    };
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent && e.key !== 'Escape') return;
      if (e.target instanceof Node && menu.current?.contains(e.target) && !(e instanceof KeyboardEvent)) return;
      setAt(null);
    };
    document.addEventListener('contextmenu', onMenu);
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    window.addEventListener('blur', close);
    return () => {
      document.removeEventListener('contextmenu', onMenu);
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
      window.removeEventListener('blur', close);
    };
  }, [view]);
  useEffect(() => {
    if (at) menu.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus({ preventScroll: true });
  }, [at]);

  if (!at) return null;
  const items = menu.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)');
  return (
    <div
      ref={menu}
      className="context-menu"
      role="menu"
      aria-label={t('commands.palette')}
      style={{ left: at.x, top: at.y }}
      data-testid="context-menu"
      onKeyDown={(e) => {
        if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
        e.preventDefault();
        const list = [...(items ?? menu.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
        const i = list.indexOf(document.activeElement as HTMLButtonElement);
        list[(i + (e.key === 'ArrowDown' ? 1 : -1) + list.length) % list.length]?.focus();
      }}
    >
      {MENU.map((id, i) => {
        if (id === null) return <hr key={`sep-${i}`} />;
        const c = byId.get(id);
        if (!c) return null;
        return (
          <button
            key={id}
            type="button"
            role="menuitem"
            disabled={c.enabled ? !c.enabled() : false}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              setAt(null);
              // The menu had the focus; the command acts at the cursor the right click placed.
              view()?.focus();
              c.run();
            }}
            data-testid={`menu-${id}`}
          >
            <span>{t(c.title)}</span>
            {c.keys && <kbd>{c.keys}</kbd>}
          </button>
        );
      })}
    </div>
  );
}
