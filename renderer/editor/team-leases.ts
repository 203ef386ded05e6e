import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';

/** The provisions others hold on a team server (uid → who is editing it). */
export interface HeldByOthers {
  held: ReadonlyMap<string, string>;
}

/** The leases plugin's key: dispatch a transaction with meta `{ held }` to show who holds what. */
export const teamLeasesKey = new PluginKey<{ held: ReadonlyMap<string, string>; decorations: DecorationSet }>('team-leases');

/** What the leases plugin tells the view around it. */
export interface TeamLeaseHooks {
  /** The drafter changed these units (the innermost unit each change falls within): take their leases. */
  onTouch(uids: string[]): void;
  /** An edit inside a provision someone else holds was not made: say who holds it. */
  onRefused(holder: string): void;
  /** What the outline of a provision someone holds says (in the interface language). */
  label(holder: string): string;
}

/**
 * Provision leases in the editor (issue 17): a provision another drafter holds is outlined with
 * their name and cannot be changed here — an edit that falls inside it, or inside a unit under it,
 * is not made (and the drafter is told who is editing); every edit made reports the unit it falls
 * within, whose lease the view then takes (the first keystroke in a provision). A structural edit
 * (a unit added, moved or removed) falls within the parent unit: its lease is the one taken, as the
 * server asks for a structural change.
 */
export function teamLeasesPlugin(hooks: TeamLeaseHooks): Plugin {
  return new Plugin({
    key: teamLeasesKey,
    state: {
      init: () => ({ held: new Map<string, string>() as ReadonlyMap<string, string>, decorations: DecorationSet.empty }),
      apply(tr, value) {
        const next = tr.getMeta(teamLeasesKey) as HeldByOthers | undefined;
        if (next) return { held: next.held, decorations: decorate(tr.doc, next.held, hooks.label) };
        if (!tr.docChanged) return value;
        return { held: value.held, decorations: value.decorations.map(tr.mapping, tr.doc) };
      },
    },
    props: {
      decorations: (state) => teamLeasesKey.getState(state)?.decorations ?? null,
    },
    filterTransaction(tr, state) {
      if (!tr.docChanged) return true;
      const held = teamLeasesKey.getState(state)?.held;
      const touched = touchedWithin(tr, state);
      if (held && held.size > 0) {
        for (const uids of touched.chains) {
          const holder = uids.map((uid) => held.get(uid)).find((h) => h !== undefined);
          if (holder !== undefined) {
            hooks.onRefused(holder);
            return false;
          }
        }
      }
      if (touched.innermost.length > 0) queueMicrotask(() => hooks.onTouch(touched.innermost));
      return true;
    },
  });
}

/** For each step, the units its change falls within or rewrites (innermost first); and the innermost unit of each step. */
function touchedWithin(tr: Transaction, state: EditorState): { chains: string[][]; innermost: string[] } {
  const chains: string[][] = [];
  const innermost = new Set<string>();
  tr.steps.forEach((step, i) => {
    const doc = tr.docs[i] ?? state.doc;
    const json = step.toJSON() as { from?: number; to?: number };
    if (typeof json.from !== 'number') return;
    const from = Math.min(json.from, doc.content.size);
    const to = Math.min(json.to ?? json.from, doc.content.size);
    const chain: string[] = [];
    // The units the change falls within, innermost first…
    const $from = doc.resolve(from);
    for (let d = $from.sharedDepth(to); d >= 1; d--) {
      const uid = $from.node(d).attrs['uid'] as string | undefined;
      if (uid) chain.push(uid);
    }
    if (chain[0]) innermost.add(chain[0]);
    // …and those it removes or rewrites whole.
    if (to > from) doc.nodesBetween(from, to, (node) => void (typeof node.attrs['uid'] === 'string' && chain.push(node.attrs['uid'] as string)));
    chains.push(chain);
  });
  return { chains, innermost: [...innermost] };
}

/** Outlines each unit someone else holds, with their name. */
function decorate(doc: PMNode, held: ReadonlyMap<string, string>, label: (holder: string) => string): DecorationSet {
  if (held.size === 0) return DecorationSet.empty;
  const found: Decoration[] = [];
  doc.descendants((node, pos) => {
    const holder = held.get(node.attrs['uid'] as string);
    if (holder !== undefined) found.push(Decoration.node(pos, pos + node.nodeSize, { class: 'is-leased', 'data-lease-label': label(holder), 'data-holder': holder }));
    return true;
  });
  return DecorationSet.create(doc, found);
}
