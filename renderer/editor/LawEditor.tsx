import type { Node as PMNode } from 'prosemirror-model';
import { EditorView } from 'prosemirror-view';
import i18next from 'i18next';
import { useEffect, useRef } from 'react';
import type { Lang, LawDoc } from '../../shared/law';
import { changeMarksKey } from './change-marks';
import { createLawEditorState, type EditorHooks } from './state';
import { teamLeasesKey, type TeamLeaseHooks } from './team-leases';

/** Props of the law editor. */
export interface LawEditorProps {
  /** The document to show; a new document (another version) makes a new editor. */
  doc: PMNode;
  /** The law's own language: it decides the labels (`Статья 5.` / `5-бап.` / `Article 5.`). */
  lang: Lang;
  editable: boolean;
  hooks: EditorHooks;
  /** For a draft: the text in force, to mark the changes against. */
  base?: LawDoc;
  /** Called after every transaction that changed the document. */
  onDocChanged?(view: EditorView): void;
  /** Called when the change marks were re-derived after a structural edit (just after its paint). */
  onMarksChanged?(view: EditorView): void;
  /** Called when the cursor moves into another provision (its uid). */
  onUnitFocus?(uid: string | null): void;
  /** Receives the view once it exists (and null when it is destroyed). */
  onView?(view: EditorView | null): void;
  /** A draft on a team server: what the editor tells of the drafter's edits (their leases are taken), and who holds which provision. */
  leases?: { hooks: TeamLeaseHooks; held: ReadonlyMap<string, string> } | undefined;
}

/**
 * The ProseMirror editor of one law text, mounted once per document. React does not re-render its
 * content: ProseMirror owns that DOM, and changes flow out through onDocChanged.
 */
export function LawEditor({ doc, lang, editable, hooks, base, onDocChanged, onMarksChanged, onView, onUnitFocus, leases }: LawEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  // Callbacks change identity on every render; the view reads the latest through refs.
  const latest = useRef({ hooks, onDocChanged, onMarksChanged, editable, onUnitFocus, leases });
  latest.current = { hooks, onDocChanged, onMarksChanged, editable, onUnitFocus, leases };
  const teamed = leases !== undefined;
  const focused = useRef<string | null>(null);
  const current = useRef<EditorView | null>(null);

  useEffect(() => {
    if (!host.current) return;
    const view: EditorView = new EditorView(host.current, {
      state: createLawEditorState(doc, {
        notify: (key, values) => latest.current.hooks.notify(key, values),
        save: () => latest.current.hooks.save(),
      }, {
        lang,
        base,
        leases: teamed ? { onTouch: (uids) => latest.current.leases?.hooks.onTouch(uids), onRefused: (holder) => latest.current.leases?.hooks.onRefused(holder), label: (holder) => latest.current.leases?.hooks.label(holder) ?? holder } : undefined,
      }),
      editable: () => latest.current.editable,
      // Spellcheck is on for the unit being edited only (spellcheck-focus.ts).
      // A function: read again at every update, so the label follows a change of interface language.
      attributes: () => ({ class: 'zan-law', lang, spellcheck: 'false', 'aria-label': i18next.t('editor.ariaLabel') }),
      dispatchTransaction(tr) {
        view.updateState(view.state.apply(tr));
        if (tr.docChanged) latest.current.onDocChanged?.(view);
        else if (tr.getMeta(changeMarksKey)) latest.current.onMarksChanged?.(view);
        // The provision the cursor is in: its text block's parent unit.
        const $from = view.state.selection.$from;
        const uid = $from.depth >= 2 ? (($from.node($from.depth - 1).attrs['uid'] as string | undefined) ?? null) : null;
        if (uid !== focused.current) {
          focused.current = uid;
          latest.current.onUnitFocus?.(uid);
        }
      },
    });
    current.current = view;
    onView?.(view);
    return () => {
      current.current = null;
      onView?.(null);
      view.destroy();
    };
    // The view is rebuilt only for a different document or language; callbacks are read through refs.
  }, [doc, lang, base, teamed]);

  // Who holds which provision: shown (and kept read-only) as it changes.
  const held = leases?.held;
  useEffect(() => {
    const view = current.current;
    if (view && held) view.dispatch(view.state.tr.setMeta(teamLeasesKey, { held }));
  }, [held, doc, teamed]);

  // The view reads `editable` through a function: told to read its props again when it changes.
  useEffect(() => current.current?.setProps({}), [editable]);

  return <div ref={host} className={`zan-editor${editable ? ' is-editable' : ' is-readonly'}`} />;
}
