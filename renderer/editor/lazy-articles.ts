import type { Node as PMNode, ResolvedPos } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import type { Lang } from '../../shared/law';
import { DrawnUnit, isLazyKind, isLive, UnitPlaceholder, Viewport, type LiveSpec, type NearArticle } from './lazy-article-views';

/**
 * A big law's articles in the DOM only near the viewport and the cursor (DESIGN.md, "Big
 * documents"). The whole law stays one ProseMirror document — one undo history, every command and
 * position as before — but an article far from both is drawn as a placeholder of about its height
 * (its label and heading, no content), which ProseMirror treats as a leaf; and a chapter none of
 * whose articles is drawn is one placeholder for them all (so that a line more in the article being
 * typed in moves a few dozen boxes below it, not a thousand). Near the viewport (measured from the
 * scroll position, see `Viewport`) or holding the selection (and the articles beside it, so that
 * the arrow keys always land in drawn text), an article is drawn in full, and its chapter open.
 * Which units are drawn is a node decoration, so a change redraws just those in the same update
 * that moved the selection. Laws below `LAZY_MIN_ARTICLES` are drawn whole, as before.
 */

/** Laws with at least this many articles are drawn lazily. */
export const LAZY_MIN_ARTICLES = 200;

/** What the plugin keeps: the articles near the viewport (by uid) and the decorations of those drawn. */
interface LazyState {
  /** Whether the law is drawn lazily at all (a big law). */
  enabled: boolean;
  visible: ReadonlySet<string>;
  decorations: DecorationSet;
}

/** The meta of a transaction that reports the articles near the viewport, with where they start. */
interface VisibleMeta {
  visible: NearArticle[];
}

/** The plugin's key. */
export const lazyArticlesKey = new PluginKey<LazyState>('zan-lazy-articles');

/** Whether an editor state draws its law lazily. */
export function isDrawnLazily(state: EditorState): boolean {
  return lazyArticlesKey.getState(state)?.enabled === true;
}

/** Whether a document is big enough to be drawn lazily. */
export function drawsLazily(doc: PMNode): boolean {
  let articles = 0;
  doc.descendants((node) => {
    if (node.type.name === 'article') {
      articles += 1;
      return false;
    }
    return articles < LAZY_MIN_ARTICLES;
  });
  return articles >= LAZY_MIN_ARTICLES;
}

/** The article the position is in, with where it starts; null outside articles. */
function articleAt($pos: ResolvedPos): { pos: number; node: PMNode } | null {
  for (let d = $pos.depth; d > 0; d--) {
    const node = $pos.node(d);
    if (node.type.name === 'article') return { pos: $pos.before(d), node };
  }
  return null;
}

/** The first article at or under `pos` (a section or chapter: its first article), scanning forward. */
function firstArticleFrom(doc: PMNode, pos: number): { pos: number; node: PMNode } | null {
  let found: { pos: number; node: PMNode } | null = null;
  doc.nodesBetween(pos, doc.content.size, (node, at) => {
    if (found) return false;
    if (node.type.name === 'article') {
      if (at >= pos) found = { pos: at, node };
      return false;
    }
    return node.type.name === 'doc' || node.type.name === 'section' || node.type.name === 'chapter';
  });
  return found;
}

/** The last article inside a section or chapter that starts at `at` (or the node itself, if an article). */
function lastArticleIn(node: PMNode, at: number): { pos: number; node: PMNode } | null {
  if (node.type.name === 'article') return { pos: at, node };
  if (node.type.name !== 'section' && node.type.name !== 'chapter') return null;
  let end = at + node.nodeSize - 1;
  for (let i = node.childCount - 1; i >= 0; i--) {
    const child = node.child(i);
    end -= child.nodeSize;
    const hit = lastArticleIn(child, end);
    if (hit) return hit;
  }
  return null;
}

/** The last article that ends at or before `pos`, in the law's order (across chapters and sections). */
function lastArticleBefore(doc: PMNode, pos: number): { pos: number; node: PMNode } | null {
  const $pos = doc.resolve(pos);
  for (let d = $pos.depth; d >= 0; d--) {
    const parent = $pos.node(d);
    for (let i = $pos.index(d) - 1; i >= 0; i--) {
      const hit = lastArticleIn(parent.child(i), $pos.posAtIndex(i, d));
      if (hit) return hit;
    }
  }
  return null;
}

/**
 * The articles the selection needs drawn: the ones its ends are in, and the article before and
 * after each (in the law's order, across chapters), so that the cursor never moves into a placeholder.
 */
function pinnedArticles(state: Pick<EditorState, 'doc' | 'selection'>): Map<string, number> {
  const out = new Map<string, number>();
  const add = (a: { pos: number; node: PMNode } | null) => {
    if (a) out.set(a.node.attrs['uid'] as string, a.pos);
  };
  for (const $end of [state.selection.$from, state.selection.$to]) {
    const here = articleAt($end);
    if (here) {
      add(here);
      add(lastArticleBefore(state.doc, here.pos));
      add(firstArticleFrom(state.doc, here.pos + here.node.nodeSize));
    } else {
      // In a section or chapter heading, or between units: the articles on either side.
      add(lastArticleBefore(state.doc, $end.pos));
      add(firstArticleFrom(state.doc, $end.pos));
    }
  }
  return out;
}

/**
 * The articles drawn before the viewport is known: the first ones, about two screens of text, so
 * that the first paint shows the law rather than placeholders.
 */
function firstScreens(doc: PMNode): VisibleMeta['visible'] {
  const out: VisibleMeta['visible'] = [];
  let chars = 0;
  doc.descendants((node, pos) => {
    if (chars > 12_000 || out.length >= 24) return false;
    if (node.type.name !== 'article') return node.type.name === 'section' || node.type.name === 'chapter';
    out.push({ uid: node.attrs['uid'] as string, pos });
    chars += node.textContent.length;
    return false;
  });
  return out;
}

/** Adds the chapters that hold the wanted articles (uid → start): a drawn article's chapter is open. */
function withChapters(doc: PMNode, wanted: Map<string, number>): Map<string, number> {
  for (const pos of [...wanted.values()]) {
    if (pos < 0 || pos > doc.content.size) continue;
    const $pos = doc.resolve(pos);
    for (let d = $pos.depth; d > 0; d--) {
      const node = $pos.node(d);
      if (node.type.name === 'chapter') wanted.set(node.attrs['uid'] as string, $pos.before(d));
    }
  }
  return wanted;
}

/** The drawn units' decorations for a set of articles and chapters (uid → start). */
function liveDecorations(doc: PMNode, current: DecorationSet, wanted: ReadonlyMap<string, number>): DecorationSet {
  const existing = current.find(undefined, undefined, (spec: Partial<LiveSpec>) => typeof spec.zanLive === 'string');
  const have = new Set<string>();
  const stale: Decoration[] = [];
  for (const d of existing) {
    const uid = (d.spec as LiveSpec).zanLive;
    const node = doc.nodeAt(d.from);
    if (!wanted.has(uid) || !node || node.attrs['uid'] !== uid || have.has(uid)) stale.push(d);
    else have.add(uid);
  }
  const fresh: Decoration[] = [];
  for (const [uid, pos] of wanted) {
    if (have.has(uid)) continue;
    const node = doc.nodeAt(pos);
    if (isLazyKind(node) && node?.attrs['uid'] === uid) fresh.push(Decoration.node(pos, pos + node.nodeSize, {}, { zanLive: uid } satisfies LiveSpec));
  }
  if (stale.length === 0 && fresh.length === 0) return current;
  // DecorationSet.add takes decorations in document order (out of order, some are lost).
  fresh.sort((a, b) => a.from - b.from);
  return current.remove(stale).add(doc, fresh);
}

/**
 * The plugin that draws a big law lazily (see the top of this file). `enabled` false (a short
 * law): it draws nothing differently and costs nothing.
 */
export function lazyArticlesPlugin(lang: Lang, enabled: boolean): Plugin<LazyState> {
  const viewports = new WeakMap<EditorView, Viewport>();
  const viewportOf = (view: EditorView) => {
    let v = viewports.get(view);
    if (!v) {
      v = new Viewport(view, (visible) => view.dispatch(view.state.tr.setMeta(lazyArticlesKey, { visible } satisfies VisibleMeta).setMeta('addToHistory', false)));
      viewports.set(view, v);
    }
    return v;
  };
  const next = (tr: Transaction | null, state: Pick<EditorState, 'doc' | 'selection'>, previous: LazyState | null): LazyState => {
    const meta = (tr?.getMeta(lazyArticlesKey) as VisibleMeta | undefined) ?? (previous ? undefined : { visible: firstScreens(state.doc) });
    const visible = meta ? new Set(meta.visible.map((v) => v.uid)) : (previous?.visible ?? new Set<string>());
    const wanted = pinnedArticles(state);
    if (meta) for (const v of meta.visible) if (!wanted.has(v.uid)) wanted.set(v.uid, v.pos);
    let decorations = previous ? (tr?.docChanged ? previous.decorations.map(tr.mapping, state.doc) : previous.decorations) : DecorationSet.empty;
    if (!meta) {
      // Keep the visible ones where the mapped decorations say they are.
      for (const d of decorations.find(undefined, undefined, (spec: Partial<LiveSpec>) => typeof spec.zanLive === 'string')) {
        const uid = (d.spec as LiveSpec).zanLive;
        if (visible.has(uid) && !wanted.has(uid)) wanted.set(uid, d.from);
      }
    }
    decorations = liveDecorations(state.doc, decorations, withChapters(state.doc, wanted));
    return { enabled: true, visible, decorations };
  };
  return new Plugin<LazyState>({
    key: lazyArticlesKey,
    state: {
      init: (_config, state) => (enabled ? next(null, state, null) : { enabled: false, visible: new Set(), decorations: DecorationSet.empty }),
      apply: (tr, previous, _old, state) => (enabled && (tr.docChanged || tr.selectionSet || tr.getMeta(lazyArticlesKey)) ? next(tr, state, previous) : previous),
    },
    props: enabled
      ? {
          decorations: (state) => lazyArticlesKey.getState(state)?.decorations ?? DecorationSet.empty,
          nodeViews: {
            article: (node, view, getPos, decorations) => (isLive(decorations) ? new DrawnUnit(node, viewportOf(view), getPos) : new UnitPlaceholder(node, lang, viewportOf(view), getPos)),
            chapter: (node, view, getPos, decorations) => (isLive(decorations) ? new DrawnUnit(node, viewportOf(view), getPos) : new UnitPlaceholder(node, lang, viewportOf(view), getPos)),
          },
        }
      : {},
    view: (view) => ({ destroy: () => viewports.get(view)?.destroy() }),
  });
}
