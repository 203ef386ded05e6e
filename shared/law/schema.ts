import { Schema, type DOMOutputSpec, type Node as PMNode, type NodeSpec } from 'prosemirror-model';
import type { ProvisionKind } from './kinds';

/**
 * The attributes every unit node carries. `num` is shown by a non-editable label; the word around
 * it (`Статья`, `-бап`, `Article`) comes from the editor's stylesheet for the document's language,
 * so one schema serves every language.
 */
const UNIT_ATTRS = {
  uid: { default: '' },
  num: { default: '' },
  repealed: { default: false },
  notes: { default: [] as string[] },
};

/**
 * The part of a DOM element that parsing needs. shared/ compiles without the DOM library (it also
 * runs in the main process), so the schema names only what it uses; parseDOM runs in the renderer.
 */
interface ElementLike {
  getAttribute(name: string): string | null;
  querySelector(selector: string): ElementLike | null;
}

/** Reads unit attributes back from the DOM (clipboard, drag and drop). */
function unitAttrsFromDOM(dom: ElementLike): Record<string, unknown> {
  let notes: string[] = [];
  try {
    const parsed: unknown = JSON.parse(dom.getAttribute('data-notes') ?? '[]');
    if (Array.isArray(parsed)) notes = parsed.filter((n): n is string => typeof n === 'string');
  } catch {
    // Malformed notes in pasted HTML are dropped, never trusted.
  }
  return {
    uid: dom.getAttribute('data-uid') ?? '',
    num: dom.getAttribute('data-num') ?? '',
    repealed: dom.getAttribute('data-repealed') === 'true',
    notes,
  };
}

/**
 * Builds the node spec of one unit kind. The DOM is `<tag class="zan-unit zan-KIND">` holding a
 * label with the number, the editable content, then the footnotes, which are metadata and so
 * not editable here.
 */
function unitSpec(kind: ProvisionKind, tag: string, content: string): NodeSpec {
  return {
    content,
    attrs: UNIT_ATTRS,
    defining: true,
    toDOM(node: PMNode): DOMOutputSpec {
      const notes = node.attrs['notes'] as string[];
      const attrs: Record<string, string> = {
        class: `zan-unit zan-${kind}${node.attrs['repealed'] ? ' zan-repealed' : ''}`,
        'data-kind': kind,
        'data-uid': node.attrs['uid'] as string,
        'data-num': node.attrs['num'] as string,
        'data-repealed': String(node.attrs['repealed']),
        'data-notes': JSON.stringify(notes),
      };
      const label: DOMOutputSpec = ['span', { class: 'zan-num', contenteditable: 'false' }, node.attrs['num'] as string];
      const body: DOMOutputSpec = ['div', { class: 'zan-unit-content' }, 0];
      if (notes.length === 0) return [tag, attrs, label, body];
      const noteList: DOMOutputSpec = ['div', { class: 'zan-notes', contenteditable: 'false' }, ...notes.map((n): DOMOutputSpec => ['p', n])];
      return [tag, attrs, label, body, noteList];
    },
    parseDOM: [
      {
        tag: `${tag}.zan-${kind}`,
        getAttrs: (dom) => unitAttrsFromDOM(dom as unknown as ElementLike),
        contentElement: (dom) => {
          const el = dom as unknown as ElementLike;
          return (el.querySelector(':scope > .zan-unit-content') ?? el) as unknown as typeof dom;
        },
      },
    ],
  };
}

/**
 * The ProseMirror schema of a law: one node type per kind of unit, each holding an optional
 * heading, one text block and its child units, so that the editor cannot build a shape the law
 * cannot have. Content expressions state the same rules as kinds.ts and validate.ts:
 * leading parts, then units of one kind.
 */
export const lawSchema = new Schema({
  nodes: {
    doc: { content: 'part* (section+ | chapter+ | article*)' },
    section: unitSpec('section', 'section', 'heading part* (chapter+ | article+)'),
    chapter: unitSpec('chapter', 'section', 'heading part* article*'),
    article: unitSpec('article', 'article', 'heading (part | paragraph)*'),
    part: unitSpec('part', 'div', 'body subparagraph*'),
    paragraph: unitSpec('paragraph', 'div', 'body subparagraph*'),
    subparagraph: unitSpec('subparagraph', 'div', 'body'),
    heading: {
      content: 'text*',
      marks: '',
      defining: true,
      toDOM: () => ['h3', { class: 'zan-heading' }, 0],
      parseDOM: [{ tag: 'h3.zan-heading' }],
    },
    body: {
      content: '(text | hard_break)*',
      defining: true,
      toDOM: () => ['p', { class: 'zan-body' }, 0],
      parseDOM: [{ tag: 'p.zan-body' }, { tag: 'p' }],
    },
    hard_break: {
      inline: true,
      group: 'inline',
      selectable: false,
      toDOM: () => ['br'],
      parseDOM: [{ tag: 'br' }],
    },
    text: { group: 'inline' },
  },
  marks: {},
});

/** The schema node type names that are units of a law. */
export const UNIT_NODE_NAMES: ReadonlySet<string> = new Set(['section', 'chapter', 'article', 'part', 'paragraph', 'subparagraph']);

/** Whether a ProseMirror node is a unit of the law (as opposed to its heading, text block or inline content). */
export function isUnitNode(node: PMNode): boolean {
  return UNIT_NODE_NAMES.has(node.type.name);
}
