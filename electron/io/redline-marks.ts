import type { RedlineParagraph, Revision } from '../../shared/redline';

/** Where a DOCX paragraph's mark revision goes, and whose paragraph properties a paragraph is written with. */
export interface MarkPlacement {
  /** The revision written on this paragraph's mark (`w:pPr/w:rPr/w:ins|w:del`). */
  mark: { change: Revision; amendment: string } | null;
  /** The line (its index) whose paragraph properties this paragraph is written with: the line its mark ends once all is accepted. */
  props: number;
  /** The line whose properties this paragraph's mark has once all is rejected, recorded as its former ones (`w:pPrChange`); null if the mark goes then. */
  formerly: number | null;
}

/**
 * The paragraph marks of a redline as Word records them where the model's way (each whole new or
 * removed line has its own mark tracked) does not resolve right in LibreOffice. In a block of whole
 * new or removed lines after a line P whose mark stays, every mark moves up by one: P's mark goes
 * or comes with the block's first line, each line's with the next one, and the block's last mark
 * stays. A line then survives with the mark before it, so the text resolves the same both ways;
 * each mark is written with the properties of the line it ends once accepted, and records those of
 * the line it ends once rejected, so the formatting resolves too. Done for two kinds of block:
 *
 * - A block that begins with new lines: as Word has it when Enter is pressed at the end of P and
 *   the new lines typed. LibreOffice joins an insertion at the end of P (the ";" that 3) gets when
 *   3-1) comes after it: same author, same time) with the new lines into one change; with the new
 *   lines' own marks tracked, rejecting it took P's mark with it and ran P into the line after.
 * - The block at the end of the document: its last paragraph mark cannot go (Word and LibreOffice
 *   keep it), so removed last lines left an empty line once accepted.
 *
 * Other blocks keep their own marks (LibreOffice resolves them right, and a removed line keeps its
 * own look while the changes are shown).
 */
export function placeMarks(paragraphs: readonly RedlineParagraph[]): MarkPlacement[] {
  const out: MarkPlacement[] = paragraphs.map((p, i) => ({ mark: p.mark, props: i, formerly: null }));
  const whole = (i: number) => paragraphs[i]?.whole != null && paragraphs[i]?.mark?.change === paragraphs[i]?.whole;
  for (let start = 0; start < paragraphs.length; start++) {
    if (!whole(start) || whole(start - 1)) continue;
    let end = start;
    while (whole(end + 1)) end++;
    const before = start - 1;
    const shift = paragraphs[start]!.whole === 'ins' || end === paragraphs.length - 1;
    // Only after a line of the law whose own mark stays (not at the top: the title is not the law's).
    if (shift && before >= 0 && paragraphs[before]!.mark === null) shiftBlock(paragraphs, out, before, end);
    start = end;
  }
  return out;
}

/** Moves the marks of lines before+1..end up by one, and works out which line each mark ends once accepted and once rejected. */
function shiftBlock(paragraphs: readonly RedlineParagraph[], out: MarkPlacement[], before: number, end: number): void {
  let accepted = before; // the last line so far that stays once all is accepted
  let rejected = before;
  for (let j = before; j <= end; j++) {
    if (paragraphs[j]!.whole !== 'del') accepted = j;
    if (paragraphs[j]!.whole !== 'ins') rejected = j;
    const mark = j < end ? paragraphs[j + 1]!.mark : null;
    out[j] = {
      mark,
      // A mark that stays once accepted ends the last line that stays before it: Word gives the
      // joined paragraph that mark's properties.
      props: mark?.change === 'del' ? j : accepted,
      // Once rejected, likewise; and where the mark goes but the line stays (a removed line before
      // a new one), LibreOffice keeps this paragraph's own properties for the join: they come back.
      formerly: mark?.change !== 'ins' ? rejected : paragraphs[j]!.whole !== 'ins' ? j : null,
    };
  }
}
