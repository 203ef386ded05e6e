import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIO } from '../../../electron/cli/run';

/** The sample science law, whose Kazakh and Russian texts are parallel. */
const CORPUS = join(import.meta.dirname, '../../../resources/corpus/science-technology-policy');
const RU = readFileSync(join(CORPUS, 'ru.txt'), 'utf8');
const KK = readFileSync(join(CORPUS, 'kk.txt'), 'utf8');

function cli(argv: string[], files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    readFile: (p) => files[p] ?? (() => { throw new Error('ENOENT'); })(),
    readBytes: (p) => new TextEncoder().encode(files[p] ?? ''),
    writeFile: () => undefined,
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  };
  const code = runCli(argv, io) as number;
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('zan parity', () => {
  it('the sample law\'s two texts are in step: no findings, exit 0', () => {
    const r = cli(['parity', '--ru', 'ru.txt', 'ru.txt', '--kk', 'kk.txt', 'kk.txt'], { 'ru.txt': RU, 'kk.txt': KK });
    expect(r).toMatchObject({ code: 0, out: 'No findings: the two texts are in step.' });
  });

  it('a percentage that differs between the texts is a number finding', () => {
    // The sample writes the share in words; in digits, 30 against 30 agrees and 30 against 35 does not.
    const ru = RU.replace('Не менее тридцати процентов', 'Не менее 30 процентов');
    const kk = (n: number) => KK.replace('кемінде отыз пайызы', `кемінде ${n} пайызы`);
    expect(ru).not.toBe(RU);
    expect(kk(30)).not.toBe(KK);
    const run = (n: number) => cli(['parity', '--ru', 'ru.txt', 'ru.txt', '--kk', 'kk.txt', 'kk.txt', '--json'], { 'ru.txt': ru, 'kk.txt': kk(n) });
    expect(JSON.parse(run(30).out)).toEqual([]);
    const findings = JSON.parse(run(35).out) as { kind: string; ru?: string; kk?: string }[];
    expect(findings).toEqual([expect.objectContaining({ kind: 'number', ru: 'pct:30', kk: 'pct:35' })]);
    // In words, as the sample has it: "тридцати процентов" against "қырық пайызы" (40).
    const words = cli(['parity', '--ru', 'ru.txt', 'ru.txt', '--kk', 'kk.txt', 'kk.txt', '--json'], { 'ru.txt': RU, 'kk.txt': KK.replace('кемінде отыз пайызы', 'кемінде қырық пайызы') });
    expect(JSON.parse(words.out)).toEqual([expect.objectContaining({ kind: 'number', ru: 'pct:30', kk: 'pct:40' })]);
  });

  it('a wording changed in Russian only is a one-language finding, in JSON with the unit\'s eId', () => {
    const draftRu = RU.replace('Отраслевые научно-технические советы', 'Отраслевые научно-технические советы и комиссии');
    expect(draftRu).not.toBe(RU);
    const r = cli(['parity', '--ru', 'ru.txt', 'ru-draft.txt', '--kk', 'kk.txt', 'kk-draft.txt', '--json'], { 'ru.txt': RU, 'ru-draft.txt': draftRu, 'kk.txt': KK, 'kk-draft.txt': KK });
    const findings = JSON.parse(r.out) as { kind: string; eId: string }[];
    expect(r.code).toBe(1);
    expect(findings.filter((f) => f.kind === 'one-language').length).toBeGreaterThan(0);
    // The Russian amending law has a statement the Kazakh one lacks.
    expect(findings.some((f) => f.kind === 'statement')).toBe(true);
  });

  it('usage: each language takes a base and a draft', () => {
    expect(cli(['parity', '--ru', 'a.txt'], {}).code).toBe(2);
  });
});

describe('zan instructions with both languages', () => {
  const files = (ru: string, kk: string) => ({ 'ru.txt': RU, 'kk.txt': KK, 'ru-draft.txt': ru, 'kk-draft.txt': kk });
  const args = ['instructions', '--ru', 'ru.txt', 'ru-draft.txt', '--kk', 'kk.txt', 'kk-draft.txt'];

  it('writes both amending laws statement for statement; a change made in Russian only is written as unchanged in Kazakh, and named', () => {
    const ru = RU.replace('не менее одной трети членов совета', 'не менее половины членов совета').replace('на предмет их применения в отрасли', 'с точки зрения их применения в отрасли');
    const kk = KK.replace('кемінде үштен бірін', 'кемінде жартысын');
    const r = cli(args, files(ru, kk));
    expect(r.code).toBe(0);
    const [ruLaw, kkLaw] = r.out.split('\n\n# kk\n') as [string, string];
    expect(ruLaw).toMatch(/^# ru\n/u);
    expect(ruLaw).toContain('в подпункте 2) пункта 3 слова «на предмет» заменить словами «с точки зрения», текст на казахском языке не изменяется.');
    expect(kkLaw).toContain('3-тармақтың 2) тармақшасының қазақ тіліндегі мәтіні өзгермейді, өзгеріс орыс тіліндегі мәтінге енгізіледі.');
    // Statement for statement: the same number of statements under "в статье 5:" / "5-бапта:".
    expect(ruLaw.match(/;|\.$/gmu)?.length).toBe(kkLaw.match(/;|\.$/gmu)?.length);
    expect(r.err).toBe('chp_2__art_5__para_3__subpara_2: changed in the ru text only; written as unchanged in the kk text.');
  });

  it('the same change in both texts: no note, nothing on stderr', () => {
    const r = cli(args, files(RU.replace('не менее одной трети членов совета', 'не менее половины членов совета'), KK.replace('кемінде үштен бірін', 'кемінде жартысын')));
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).not.toMatch(/не изменяется|өзгермейді/u);
  });

  it('needs two files for each language', () => {
    expect(cli(['instructions', '--ru', 'ru.txt', 'ru-draft.txt', '--kk', 'kk.txt'], files(RU, KK)).code).toBe(2);
  });
});
