import { SaxesParser } from 'saxes';

/** An element of a parsed XML document: its local name, namespace, attributes, children and text. */
export interface XmlElement {
  name: string;
  ns: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  parent: XmlElement | null;
}

/**
 * Parses XML with a strict, namespace-aware parser (saxes); throws on anything that is not
 * well-formed. A test helper: it reads what the exporters write.
 */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  let root: XmlElement | null = null;
  let current: XmlElement | null = null;
  let error: Error | null = null;
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.on('doctype', () => {
    error ??= new Error('A DOCTYPE is not expected');
  });
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) attrs[a.prefix ? `${a.prefix}:${a.local}` : a.local] = a.value;
    const el: XmlElement = { name: tag.local, ns: tag.uri, attrs, children: [], text: '', parent: current };
    if (current) current.children.push(el);
    else root = el;
    current = el;
  });
  parser.on('text', (t) => {
    for (let el = current; el; el = el.parent) el.text += t;
  });
  parser.on('closetag', () => {
    current = current?.parent ?? null;
  });
  parser.write(xml).close();
  if (error) throw error;
  if (!root) throw new Error('No root element');
  return root;
}

/** Every element under (and including) one, in document order. */
export function allElements(el: XmlElement): XmlElement[] {
  return [el, ...el.children.flatMap(allElements)];
}

/** The first child with a local name, or throws. */
export function child(el: XmlElement, name: string): XmlElement {
  const found = el.children.find((c) => c.name === name);
  if (!found) throw new Error(`<${el.name}> has no <${name}>`);
  return found;
}
