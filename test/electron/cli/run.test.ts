import { describe, expect, it } from 'vitest';
import { runCli, type CliIO } from '../../../electron/cli/run';
import { fixture } from '../../shared/law/helpers';

/** Runs the CLI over an in-memory file system. */
function cli(argv: string[], files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    readFile: (p) => {
      const text = files[p];
      if (text === undefined) throw new Error('ENOENT');
      return text;
    },
    readBytes: (p) => {
      const text = files[p];
      if (text === undefined) throw new Error('ENOENT');
      return new TextEncoder().encode(text);
    },
    writeFile: (p, t) => void (files[p] = typeof t === 'string' ? t : Buffer.from(t).toString('latin1')),
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  };
  const code = runCli(argv, io);
  if (typeof code !== 'number') throw new Error('use the async form for commands that write files');
  return { code, out: out.join('\n'), err: err.join('\n'), files };
}

const canonical = fixture('kazakh-numbering.ru.txt');

describe('zan CLI', () => {
  it('checks a law and reports its shape', () => {
    const r = cli(['check', 'a.txt'], { 'a.txt': canonical });
    expect(r.code).toBe(0);
    // The lead-in of article 1 is its own text; the preamble and article 17-1's two lines are parts.
    expect(r.out).toBe('a.txt: OK (ru; 0 sections, 2 chapters, 5 articles, 1 article text (lead-in), 3 parts, 3 paragraphs, 6 subparagraphs)');
  });

  it('reports wrong numbering with file and line', () => {
    const r = cli(['check', 'bad.txt'], { 'bad.txt': 'Статья 5. А\n\nСтатья 4. Б\n' });
    expect(r.code).toBe(1);
    expect(r.err).toBe('bad.txt:3: NUMBER_ORDER: article 4 follows article 5: numbers must increase.');
  });

  it('formats to the canonical text, and --check tells canonical from not', () => {
    const messy = canonical.replace(/\n\n/g, '\n').replace('Глава 2.', '\n\n\nГлава 2.');
    expect(cli(['format', 'm.txt'], { 'm.txt': messy }).out).toBe(canonical.replace(/\n$/, ''));
    expect(cli(['format', '--check', 'c.txt'], { 'c.txt': canonical }).code).toBe(0);
    expect(cli(['format', '--check', 'm.txt'], { 'm.txt': messy }).code).toBe(1);
    const written = cli(['format', '--write', 'm.txt'], { 'm.txt': messy });
    expect(written.files['m.txt']).toBe(canonical);
  });

  it('diffs two law texts, as text and as JSON', () => {
    const a = 'Статья 5. Советы\n1. Советы создаются при органах.\n2. Второй.\n';
    const b = 'Статья 5. Советы\n1. Советы образуются при органах.\n1-1. Новый пункт.\n2. Второй.\n';
    const text = cli(['diff', 'a.txt', 'b.txt'], { 'a.txt': a, 'b.txt': b });
    expect(text.code).toBe(0);
    expect(text.out).toBe('1. Статья 5, пункт 1 — words\n   Советы [-создаются-]{+образуются+} при органах.\n\n2. Статья 5, пункт 1-1 — insert\n   {+Новый пункт.+}');
    const json = JSON.parse(cli(['diff', '--json', 'a.txt', 'b.txt'], { 'a.txt': a, 'b.txt': b }).out) as unknown[];
    expect(json).toEqual([
      { kind: 'words', target: { eId: 'art_5__para_1', label: 'Статья 5, пункт 1' }, base: 'Советы создаются при органах.', proposed: 'Советы образуются при органах.', ops: [[0, 'Советы '], [-1, 'создаются'], [1, 'образуются'], [0, ' при органах.']] },
      { kind: 'insert', target: { eId: 'art_5__para_1-1', label: 'Статья 5, пункт 1-1' }, base: null, proposed: 'Новый пункт.', ops: [[1, 'Новый пункт.']] },
    ]);
    expect(cli(['diff', 'a.txt', 'a.txt'], { 'a.txt': a }).out).toBe('No amendments: the texts are the same.');
    expect(cli(['diff', 'a.txt'], { 'a.txt': a }).code).toBe(2);
  });

  it('gives usage errors exit code 2', () => {
    expect(cli([], {}).code).toBe(2);
    expect(cli(['check'], {}).code).toBe(2);
    expect(cli(['check', '--lang', 'de', 'a.txt'], { 'a.txt': canonical }).code).toBe(2);
    expect(cli(['check', 'missing.txt'], {}).code).toBe(2);
    expect(cli(['frobnicate', 'a.txt'], { 'a.txt': canonical }).code).toBe(2);
  });

  it('refuses an unknown or misspelt option, naming it and what the command takes', () => {
    const files = { 'a.txt': canonical, 'b.txt': canonical };
    const typo = cli(['diff', 'a.txt', 'b.txt', '--jsno'], files);
    expect(typo.code).toBe(2);
    expect(typo.err).toBe('zan diff: unknown option --jsno. Did you mean --json? diff takes --lang, --json.');
    expect(typo.out).toBe('');
    expect(cli(['check', '--verbose', 'a.txt'], files).err).toMatch(/^zan check: unknown option --verbose\. check takes --lang\.$/);
    // An option of another command is not one of this command's.
    expect(cli(['check', '--out', 'x.docx', 'a.txt'], files).code).toBe(2);
  });

  it('refuses an option whose value is missing, or is the next option, instead of taking it as the value', () => {
    const files = { 'a.txt': canonical, 'b.txt': canonical };
    const swallowed = cli(['instructions', 'a.txt', 'b.txt', '--title', '--lang', 'ru'], files);
    expect(swallowed.code).toBe(2);
    expect(swallowed.err).toBe('zan instructions: --title needs a value, but the next argument is an option. To give a value that begins with "-", write --title=<value>.');
    expect(cli(['check', 'a.txt', '--lang'], files).err).toBe('zan check: --lang needs a value.');
    expect(cli(['diff', 'a.txt', 'b.txt', '--json=yes'], files).err).toBe('zan diff: --json takes no value. diff takes --lang, --json.');
  });

  it('refuses a text in which no article is found, with that message, never "OK"', () => {
    const r = cli(['check', 'c.txt'], { 'c.txt': 'Глава 1. Общие положения\nТекст главы.\n1. Первое.\n' });
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^c\.txt: EMPTY: No article was found/);
  });

  it('prints what it found in a text copied from the portal, with every warning', () => {
    const portal = '      Закон Республики Казахстан от 1 июля 2024 года № 103-VIII ЗРК.\n      Статья 1. Понятия\n      Статья 1. Понятия\n      1. Текст "в кавычках".\n';
    const r = cli(['check', 'p.txt'], { 'p.txt': portal });
    expect(r.code).toBe(0);
    expect(r.out).toBe('p.txt: OK (ru; law of 2024-07-01 № 103-VIII; 0 sections, 0 chapters, 1 article, 0 article texts (lead-ins), 0 parts, 1 paragraph, 0 subparagraphs)');
    expect(r.err).toBe('p.txt:3: warning: DUPLICATE_HEADING: The heading "Статья 1. Понятия" is printed twice; it was read once.');
  });
});

