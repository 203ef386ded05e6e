import { DOMSerializer, type Node as PMNode, type ResolvedPos } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView, type NodeView } from 'prosemirror-view';
import { headingLabel, type Lang } from '../../shared/law';

/**
 * A big law's articles in the DOM only near the viewport and the cursor (DESIGN.md, "Big
 * documents"). The whole law stays one ProseMirror document — one undo history, every command and
 * position as before — but an article far from both is drawn as a placeholder of about its height
 * (its label and heading, no content), which ProseMirror treats as a leaf. Near the viewport (an
 * IntersectionObserver on the scroll container) or holding the selection (and the articles beside
 * it, so that the arrow keys always land in drawn text), an article is drawn in full. Which
 * articles are drawn is a node decoration, so a change redraws just those articles in the same
 * update that moved the selection. Laws below `LAZY_MIN_ARTICLES` are drawn whole, as before.
 */

/** Laws with at least this many articles are drawn lazily. */
export const LAZY_MIN_ARTICLES = 200;

/** How far beyond the visible part of the scroll container articles are drawn. */
const NEAR_MARGIN = '1500px 0px';

/** What the plugin keeps: the articles near the viewport (by uid) and the decorations of those drawn. */
interface LazyState {
  /** Whether the law is drawn lazily at all (a big law). */
  enabled: boolean;
  visible: ReadonlySet<string>;
  decorations: DecorationSet;
}

/** The meta of a transaction that reports the articles near the viewport, with where they start. */
interface VisibleMeta {
  visible: { uid: string; pos: number }[];
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

/** The spec that marks an article as drawn in full. */
interface LiveSpec {
  zanLive: string;
}

const isLive = (decorations: readonly Decoration[]) => decorations.some((d) => typeof (d.spec as Partial<LiveSpec>).zanLive === 'string');

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

/** The drawn articles' decorations for a set of articles (uid → start). */
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
    if (node?.type.name === 'article' && node.attrs['uid'] === uid) fresh.push(Decoration.node(pos, pos + node.nodeSize, {}, { zanLive: uid } satisfies LiveSpec));
  }
  if (stale.length === 0 && fresh.length === 0) return current;
  // DecorationSet.add takes decorations in document order (out of order, some are lost).
  fresh.sort((a, b) => a.from - b.from);
  return current.remove(stale).add(doc, fresh);
}

/** Heights of articles as last drawn, and a running measure to estimate the others. */
class Heights {
  private readonly byUid = new Map<string, { height: number; chars: number }>();
  private pixels = 0;
  private chars = 0;

  record(uid: string, node: PMNode, height: number): void {
    if (height <= 0) return;
    const before = this.byUid.get(uid);
    const chars = node.textContent.length + 40 * node.childCount;
    if (before) {
      this.pixels -= before.height;
      this.chars -= before.chars;
    }
    this.byUid.set(uid, { height, chars });
    this.pixels += height;
    this.chars += chars;
  }

  /** The height an article's placeholder takes: as last drawn, or estimated from its text. */
  of(uid: string, node: PMNode): number {
    const known = this.byUid.get(uid);
    if (known !== undefined) return known.height;
    const perChar = this.chars > 2000 ? this.pixels / this.chars : 0.32;
    return Math.max(48, Math.round((node.textContent.length + 40 * node.childCount) * perChar));
  }
}

/** What one editor view shares among its article views: the observer of the viewport and the heights. */
class Viewport {
  readonly heights = new Heights();
  private observer: IntersectionObserver | null = null;
  private readonly positions = new Map<Element, { uid: string; getPos: () => number | undefined }>();
  private readonly near = new Set<Element>();
  private resize: ResizeObserver | null = null;
  private readonly measured = new Map<Element, { uid: string; node: () => PMNode }>();
  private scheduled = false;

  constructor(private readonly view: EditorView) {}

  private ensure(): void {
    if (this.observer) return;
    const root = scrollParent(this.view.dom);
    this.observer = new IntersectionObserver((entries) => this.changed(entries), { root, rootMargin: NEAR_MARGIN });
    // Heights are read as the browser reports them after layout, never forced in an update.
    this.resize = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const m = this.measured.get(entry.target);
        const size = entry.borderBoxSize[0]?.blockSize;
        if (m && size) this.heights.record(m.uid, m.node(), size);
      }
    });
  }

  /** Starts watching an article's element (a placeholder or a drawn article). */
  watch(dom: HTMLElement, uid: string, getPos: () => number | undefined, drawn: (() => PMNode) | null): void {
    this.ensure();
    this.positions.set(dom, { uid, getPos });
    this.observer?.observe(dom);
    if (drawn) {
      this.measured.set(dom, { uid, node: drawn });
      this.resize?.observe(dom);
    }
  }

  unwatch(dom: HTMLElement): void {
    this.positions.delete(dom);
    this.near.delete(dom);
    this.observer?.unobserve(dom);
    if (this.measured.delete(dom)) this.resize?.unobserve(dom);
  }

  private changed(entries: IntersectionObserverEntry[]): void {
    let moved = false;
    for (const entry of entries) {
      if (!this.positions.has(entry.target)) continue;
      const was = this.near.has(entry.target);
      if (entry.isIntersecting && !was) this.near.add(entry.target);
      else if (!entry.isIntersecting && was) this.near.delete(entry.target);
      else continue;
      moved = true;
    }
    if (!moved || this.scheduled) return;
    // One transaction per frame at most, after ProseMirror has finished any update in progress.
    this.scheduled = true;
    requestAnimationFrame(() => {
      this.scheduled = false;
      this.report();
    });
  }

  private report(): void {
    if ((this.view as { isDestroyed?: boolean }).isDestroyed) return;
    const visible: VisibleMeta['visible'] = [];
    for (const dom of this.near) {
      const at = this.positions.get(dom);
      const pos = at?.getPos();
      if (at && pos !== undefined) visible.push({ uid: at.uid, pos });
    }
    this.view.dispatch(this.view.state.tr.setMeta(lazyArticlesKey, { visible } satisfies VisibleMeta).setMeta('addToHistory', false));
  }

  destroy(): void {
    this.observer?.disconnect();
    this.resize?.disconnect();
  }
}

/** The nearest ancestor that scrolls (the document's own scrolling when none does). */
function scrollParent(el: HTMLElement): Element | null {
  for (let at = el.parentElement; at; at = at.parentElement) {
    const style = getComputedStyle(at);
    if (/(auto|scroll)/.test(style.overflowY)) return at;
  }
  return null;
}

/** An article drawn in full: the schema's own rendering, redrawn when it is to become a placeholder. */
class DrawnArticle implements NodeView {
  readonly dom: HTMLElement;
  readonly contentDOM: HTMLElement;

  constructor(
    private node: PMNode,
    private readonly viewport: Viewport,
    getPos: () => number | undefined,
  ) {
    const spec = DOMSerializer.renderSpec(document, (node.type.spec.toDOM as NonNullable<typeof node.type.spec.toDOM>)(node));
    this.dom = spec.dom as HTMLElement;
    this.contentDOM = spec.contentDOM as HTMLElement;
    viewport.watch(this.dom, node.attrs['uid'] as string, getPos, () => this.node);
  }

  update(node: PMNode, decorations: readonly Decoration[]): boolean {
    if (!isLive(decorations) || !node.sameMarkup(this.node)) return false;
    this.node = node;
    return true;
  }

  destroy(): void {
    this.viewport.unwatch(this.dom);
  }
}

/** An article far from the viewport and the cursor: its label and heading in a box of about its height. */
class ArticlePlaceholder implements NodeView {
  readonly dom: HTMLElement;

  constructor(
    private node: PMNode,
    private readonly lang: Lang,
    private readonly viewport: Viewport,
    getPos: () => number | undefined,
  ) {
    this.dom = document.createElement('article');
    this.dom.contentEditable = 'false';
    this.fill(node);
    viewport.watch(this.dom, node.attrs['uid'] as string, getPos, null);
  }

  private fill(node: PMNode): void {
    const uid = node.attrs['uid'] as string;
    this.dom.className = `zan-unit zan-article zan-lazy${node.attrs['repealed'] ? ' zan-repealed' : ''}`;
    this.dom.dataset['kind'] = 'article';
    this.dom.dataset['uid'] = uid;
    this.dom.dataset['num'] = node.attrs['num'] as string;
    this.dom.dataset['label'] = headingLabel(this.lang, 'article', node.attrs['num'] as string);
    this.dom.textContent = node.firstChild?.type.name === 'heading' ? node.firstChild.textContent : '';
    this.dom.style.height = `${this.viewport.heights.of(uid, node)}px`;
  }

  update(node: PMNode, decorations: readonly Decoration[]): boolean {
    if (isLive(decorations) || node.type !== this.node.type) return false;
    if (!node.sameMarkup(this.node) || node.firstChild?.textContent !== this.node.firstChild?.textContent) this.fill(node);
    this.node = node;
    return true;
  }

  ignoreMutation(): boolean {
    return true;
  }

  destroy(): void {
    this.viewport.unwatch(this.dom);
  }
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
      v = new Viewport(view);
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
    decorations = liveDecorations(state.doc, decorations, wanted);
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
            article: (node, view, getPos, decorations) => (isLive(decorations) ? new DrawnArticle(node, viewportOf(view), getPos) : new ArticlePlaceholder(node, lang, viewportOf(view), getPos)),
          },
        }
      : {},
    view: (view) => ({ destroy: () => viewports.get(view)?.destroy() }),
  });
}
