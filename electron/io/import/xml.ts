import { SaxesParser, type SaxesTagNS } from 'saxes';
import { ImportError, type ImportLimits } from './limits';

/** What a bounded XML walk reports, element by element and text by text. */
export interface XmlHandlers {
  open(tag: SaxesTagNS, depth: number): void;
  close(tag: SaxesTagNS, depth: number): void;
  text(text: string): void;
}

/**
 * Walks an XML document with a strict, namespace-aware parser (saxes) within limits: any DOCTYPE
 * is refused (so no DTD, no entity expansion, no external entities: billion laughs and XXE end
 * here), as are undefined entities, markup that is not well-formed, and nesting deeper than the
 * limit. `checkTime` is called as the walk goes.
 */
export function walkXml(xml: string, file: string, limits: ImportLimits, checkTime: () => void, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let failure: ImportError | null = null;
  let depth = 0;
  let events = 0;
  const fail = (error: ImportError) => {
    failure ??= error;
    throw error;
  };
  parser.on('doctype', () => fail(new ImportError('FORMAT', file, 'it has a DOCTYPE; XML with a DTD is not accepted (entities could expand or reach outside the file).')));
  parser.on('error', (e) => fail(new ImportError('FORMAT', file, `it is not well-formed XML: ${e.message}`)));
  parser.on('opentag', (tag) => {
    if (++events % 2000 === 0) checkTime();
    depth += 1;
    if (depth > limits.maxDepth) fail(new ImportError('LIMIT', file, `its elements nest more than ${limits.maxDepth} deep (limit maxDepth).`, 'maxDepth'));
    handlers.open(tag as SaxesTagNS, depth);
  });
  parser.on('closetag', (tag) => {
    handlers.close(tag as SaxesTagNS, depth);
    depth -= 1;
  });
  parser.on('text', (text) => handlers.text(text));
  try {
    parser.write(xml).close();
  } catch (error) {
    if (failure) throw failure;
    if (error instanceof ImportError) throw error;
    throw new ImportError('FORMAT', file, `it is not well-formed XML: ${(error as Error).message}`);
  }
  if (failure) throw failure;
}
