import type { Slice } from 'prosemirror-model';

/** Whether a step's slice is plain inline content (typed or pasted text), not a split or whole units. */
export function isInlineSlice(slice: Slice): boolean {
  if (slice.openStart > 0 || slice.openEnd > 0) return false;
  let inline = true;
  slice.content.forEach((node) => {
    if (!node.isInline) inline = false;
  });
  return inline;
}
