import { DOMSerializer, type Node as PMNode } from 'prosemirror-model';
import type { Decoration, EditorView, NodeView } from 'prosemirror-view';
import { headingLabel, type Lang } from '../../shared/law';
import { scrollParent } from '../scroll-parent';

// The DOM side of drawing a big law lazily (lazy-articles.ts decides which units are drawn): the
// node views of articles and chapters, drawn in full or as placeholders, and what watches them —
// which are near the viewport, and how tall each was when last drawn.

/** How far above and below the visible part of the scroll container articles are drawn, in px. */
const NEAR_MARGIN_PX = 1500;

/** The units that are drawn lazily: a chapter far away is one placeholder, not one per article. */
export type LazyKind = 'article' | 'chapter';

/** Whether a node is drawn lazily (an article or a chapter). */
export const isLazyKind = (node: PMNode | null | undefined): boolean => node?.type.name === 'article' || node?.type.name === 'chapter';

/** A unit (an article, or a chapter drawn as a placeholder) near the viewport, and where it starts in the document. */
export interface NearArticle {
  uid: string;
  pos: number;
}

/** The spec that marks an article or chapter as drawn in full. */
export interface LiveSpec {
  zanLive: string;
}

/** Whether a unit's decorations say it is drawn in full. */
export const isLive = (decorations: readonly Decoration[]) => decorations.some((d) => typeof (d.spec as Partial<LiveSpec>).zanLive === 'string');

/** How much a unit holds, in characters, with a share for each of its parts (what heights are estimated from). */
const weights = new WeakMap<PMNode, number>();
function weightOf(node: PMNode): number {
  let w = weights.get(node);
  if (w === undefined) {
    if (node.type.name === 'article') w = node.textContent.length + 40 * node.childCount;
    else {
      w = 40;
      node.forEach((child) => void (w = (w as number) + (child.type.name === 'article' ? weightOf(child) : child.textContent.length + 40)));
    }
    weights.set(node, w);
  }
  return w;
}

/** Heights of articles and chapters as last drawn, and a running measure to estimate the others. */
export class Heights {
  private readonly byUid = new Map<string, { height: number; chars: number; kind: string }>();
  private pixels = 0;
  private chars = 0;

  /** Remembers a unit's height as drawn (articles teach the estimate; a chapter holds its articles). */
  record(uid: string, node: PMNode, height: number): void {
    if (height <= 0) return;
    const before = this.byUid.get(uid);
    const chars = weightOf(node);
    const kind = node.type.name;
    if (before?.kind === 'article') {
      this.pixels -= before.height;
      this.chars -= before.chars;
    }
    this.byUid.set(uid, { height, chars, kind });
    if (kind === 'article') {
      this.pixels += height;
      this.chars += chars;
    }
  }

  /** The height a unit's placeholder takes: as last drawn, or estimated from its text. */
  of(uid: string, node: PMNode): number {
    const known = this.byUid.get(uid);
    if (known !== undefined) return known.height;
    const perChar = this.chars > 2000 ? this.pixels / this.chars : 0.32;
    return Math.max(48, Math.round(weightOf(node) * perChar));
  }
}

/**
 * What one editor view shares among its article views: which articles are near the viewport, and
 * the heights. "Near" is measured from the scroll position — a binary search over the articles'
 * boxes, in document order — when the view scrolls or resizes, an article view comes or goes, or a
 * drawn article changes height; never on a frame that only typed. (An IntersectionObserver on every
 * article did the same, but computed a thousand intersections in every frame, typing included.)
 */
export class Viewport {
  readonly heights = new Heights();
  private readonly positions = new Map<Element, { uid: string; getPos: () => number | undefined }>();
  private near = new Set<Element>();
  private resize: ResizeObserver | null = null;
  private readonly measured = new Map<Element, { uid: string; node: () => PMNode }>();
  private scroller: HTMLElement | null | undefined = undefined;
  private readonly onScroll = () => this.schedule();
  private scheduled = false;
  private destroyed = false;

  constructor(
    private readonly view: EditorView,
    /** Tells the plugin which articles are near the viewport now, with where they start. */
    private readonly onNear: (near: NearArticle[]) => void,
  ) {}

  private ensure(): void {
    if (this.resize) return;
    // Heights are read as the browser reports them after layout, never forced in an update.
    this.resize = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const m = this.measured.get(entry.target);
        const size = entry.borderBoxSize[0]?.blockSize;
        if (m && size) this.heights.record(m.uid, m.node(), size);
      }
      // A drawn article that grew or shrank moves the ones after it.
      this.schedule();
    });
    window.addEventListener('resize', this.onScroll, { passive: true });
  }

  /** Starts watching an article's element (a placeholder or a drawn article). */
  watch(dom: HTMLElement, uid: string, getPos: () => number | undefined, drawn: (() => PMNode) | null): void {
    this.ensure();
    this.positions.set(dom, { uid, getPos });
    if (drawn) {
      this.measured.set(dom, { uid, node: drawn });
      this.resize?.observe(dom);
    }
    this.schedule();
  }

  /** Stops watching an article's element (its view is gone). */
  unwatch(dom: HTMLElement): void {
    this.positions.delete(dom);
    this.near.delete(dom);
    if (this.measured.delete(dom)) this.resize?.unobserve(dom);
  }

  /** Measures at the next frame, once however often asked (after ProseMirror's update in progress). */
  private schedule(): void {
    if (this.scheduled || this.destroyed) return;
    this.scheduled = true;
    requestAnimationFrame(() => {
      this.scheduled = false;
      this.measure();
    });
  }

  /** The scroll container, found once the editor is in the page (and listened to for scrolling). */
  private scrollContainer(): HTMLElement | null | undefined {
    if (this.scroller === undefined && this.view.dom.isConnected) {
      this.scroller = scrollParent(this.view.dom);
      (this.scroller ?? window).addEventListener('scroll', this.onScroll, { passive: true });
    }
    return this.scroller;
  }

  private measure(): void {
    if (this.destroyed || (this.view as { isDestroyed?: boolean }).isDestroyed) return;
    const scroller = this.scrollContainer();
    if (scroller === undefined) return;
    const box = scroller ? scroller.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
    const top = box.top - NEAR_MARGIN_PX;
    const bottom = box.bottom + NEAR_MARGIN_PX;
    // The articles in document order are in vertical order too: search the first one that ends
    // below the top of the near band, then take them while they start above its bottom.
    // Articles (drawn or placeholders) and chapters drawn as placeholders: what can be near.
    const articles = [...this.view.dom.querySelectorAll('.zan-article, .zan-chapter.zan-lazy')].filter((el) => this.positions.has(el));
    let lo = 0;
    let hi = articles.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((articles[mid] as Element).getBoundingClientRect().bottom < top) lo = mid + 1;
      else hi = mid;
    }
    const near = new Set<Element>();
    // The first unit in view, and where: what the view stays on while the units around it are redrawn.
    let anchor: { uid: string; top: number } | null = null;
    for (let i = lo; i < articles.length; i++) {
      const el = articles[i] as Element;
      const rect = el.getBoundingClientRect();
      if (rect.top > bottom) break;
      near.add(el);
      if (!anchor && rect.bottom > box.top) anchor = { uid: this.positions.get(el)?.uid as string, top: rect.top };
    }
    // The same articles, some redrawn as new elements, are no news to the plugin.
    const uids = (set: Set<Element>) => new Set([...set].map((el) => this.positions.get(el)?.uid));
    const before = uids(this.near);
    const now = uids(near);
    this.near = near;
    if (now.size === before.size && [...now].every((uid) => before.has(uid))) return;
    this.report();
    if (anchor) this.keepInPlace(scroller, anchor);
  }

  /**
   * After units were redrawn (ProseMirror updates the DOM in the dispatch), scrolls by however much
   * the unit that was first in view moved: a placeholder drawn in full above it is rarely exactly
   * its estimated height, and the browser's own scroll anchoring cannot follow a unit whose
   * element was replaced.
   */
  private keepInPlace(scroller: HTMLElement | null, anchor: { uid: string; top: number }): void {
    const el = this.view.dom.querySelector(`[data-uid="${anchor.uid}"]`);
    if (!el) return;
    const moved = el.getBoundingClientRect().top - anchor.top;
    if (Math.abs(moved) < 1) return;
    if (scroller) scroller.scrollTop += moved;
    else window.scrollBy(0, moved);
  }

  private report(): void {
    const near: NearArticle[] = [];
    for (const dom of this.near) {
      const at = this.positions.get(dom);
      const pos = at?.getPos();
      if (at && pos !== undefined) near.push({ uid: at.uid, pos });
    }
    this.onNear(near);
  }

  /** Stops every observer and listener (the editor view is gone). */
  destroy(): void {
    this.destroyed = true;
    this.resize?.disconnect();
    if (this.scroller !== undefined) (this.scroller ?? window).removeEventListener('scroll', this.onScroll);
    window.removeEventListener('resize', this.onScroll);
  }
}

/** An article or chapter drawn in full: the schema's own rendering, redrawn when it is to become a placeholder. */
export class DrawnUnit implements NodeView {
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

/**
 * An article or chapter far from the viewport and the cursor: its label and heading in a box of
 * about its height (a chapter's holds all its articles: one element for them all).
 */
export class UnitPlaceholder implements NodeView {
  readonly dom: HTMLElement;

  constructor(
    private node: PMNode,
    private readonly lang: Lang,
    private readonly viewport: Viewport,
    getPos: () => number | undefined,
  ) {
    // The tags the schema gives these units (a chapter is a <section>).
    this.dom = document.createElement(node.type.name === 'chapter' ? 'section' : 'article');
    this.dom.contentEditable = 'false';
    this.fill(node);
    viewport.watch(this.dom, node.attrs['uid'] as string, getPos, null);
  }

  private fill(node: PMNode): void {
    const uid = node.attrs['uid'] as string;
    const kind = node.type.name as LazyKind;
    this.dom.className = `zan-unit zan-${kind} zan-lazy${node.attrs['repealed'] ? ' zan-repealed' : ''}`;
    this.dom.dataset['kind'] = kind;
    this.dom.dataset['uid'] = uid;
    this.dom.dataset['num'] = node.attrs['num'] as string;
    this.dom.dataset['label'] = headingLabel(this.lang, kind, node.attrs['num'] as string);
    // As generated content, not text: the caret's work in a contenteditable grows with its text.
    this.dom.dataset['heading'] = node.firstChild?.type.name === 'heading' ? node.firstChild.textContent : '';
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
