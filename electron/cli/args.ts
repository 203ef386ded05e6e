// How the command line reads its arguments: Node's own parser, strict, so that nothing a user types
// is silently ignored.
import { parseArgs } from 'node:util';

/** The options one command takes: a value (`--out x`), a value given several times, or a flag. */
export type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;

/** What was on the command line for one command, once read. */
export interface ReadArguments {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** Edit distance of two short strings (a swap of two neighbours counts as one), to suggest the option a user meant. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** "did you mean --json?" for a misspelt option, when one option is close enough. */
function suggestion(given: string, known: readonly string[]): string {
  const name = given.replace(/^-+/, '').replace(/=.*$/, '');
  const best = known.map((k) => ({ k, d: distance(name, k) })).sort((x, y) => x.d - y.d)[0];
  return best && best.d <= Math.max(1, Math.floor(best.k.length / 3)) ? ` Did you mean --${best.k}?` : '';
}

/**
 * Reads the arguments of one command with `util.parseArgs` in strict mode: an unknown or misspelt
 * option, an option given a value it does not take, or an option whose value is missing (`--title
 * --lang`, which would otherwise take "--lang" as the title) is refused with a message naming it
 * and the options the command does take. Returns the message instead of throwing.
 */
export function readArguments(command: string, argv: readonly string[], options: OptionSpec): ReadArguments | { error: string } {
  const known = Object.keys(options);
  const takes = known.length ? `${command} takes ${known.map((k) => `--${k}`).join(', ')}.` : `${command} takes no options.`;
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
    return { values: values as ReadArguments['values'], positionals };
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = (error as Error).message;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const given = /'([^']+)'/.exec(message)?.[1] ?? '?';
      return { error: `zan ${command}: unknown option ${given}.${suggestion(given, known)} ${takes}` };
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const given = /'(--?[^ ']+)/.exec(message)?.[1] ?? '?';
      if (/ambiguous/.test(message)) return { error: `zan ${command}: ${given} needs a value, but the next argument is an option. To give a value that begins with "-", write ${given}=<value>.` };
      if (/missing/.test(message)) return { error: `zan ${command}: ${given} needs a value.` };
      return { error: `zan ${command}: ${given} takes no value. ${takes}` };
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return { error: `zan ${command}: ${message}` };
    throw error;
  }
}
