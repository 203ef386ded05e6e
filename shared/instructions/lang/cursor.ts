import { quoteIndex } from '../grammar';

/**
 * A position in the tokens of a statement's frame, for the languages' readers: each formula is
 * tried from a saved position and abandoned (`reset`) when it does not fit.
 */
export class Cursor {
  pos = 0;

  constructor(readonly tokens: readonly string[]) {}

  get done(): boolean {
    return this.pos >= this.tokens.length;
  }

  peek(offset = 0): string | undefined {
    return this.tokens[this.pos + offset];
  }

  /** Takes the next token if it is one of `words`; returns it. */
  take(...words: string[]): string | undefined {
    const t = this.tokens[this.pos];
    if (t !== undefined && words.includes(t)) {
      this.pos += 1;
      return t;
    }
    return undefined;
  }

  /** Takes a run of tokens if they come next, all of them. */
  takeAll(...words: string[]): boolean {
    for (let k = 0; k < words.length; k++) if (this.tokens[this.pos + k] !== words[k]) return false;
    this.pos += words.length;
    return true;
  }

  /** Takes the next token if it passes a test. */
  takeIf(test: (token: string) => boolean): string | undefined {
    const t = this.tokens[this.pos];
    if (t !== undefined && test(t)) {
      this.pos += 1;
      return t;
    }
    return undefined;
  }

  /** Takes a quote mark; returns the quote's index, or -1. */
  takeQuote(): number {
    const q = quoteIndex(this.tokens[this.pos]);
    if (q >= 0) this.pos += 1;
    return q;
  }

  /** Takes quote marks joined by commas (and a final conjunction): "«а», «б» и «в»". */
  takeQuotes(and: string): number[] {
    const out: number[] = [];
    const first = this.takeQuote();
    if (first < 0) return out;
    out.push(first);
    for (;;) {
      const save = this.pos;
      if (this.take(',') === undefined && this.take(and) === undefined) break;
      const next = this.takeQuote();
      if (next < 0) {
        this.pos = save;
        break;
      }
      out.push(next);
    }
    return out;
  }

  /** Takes separators between quoted texts or at the end (";", ",", ".", ":"). */
  skipPunctuation(): void {
    while (this.take(';', ',', '.', ':') !== undefined);
  }

  reset(to: number): void {
    this.pos = to;
  }
}
