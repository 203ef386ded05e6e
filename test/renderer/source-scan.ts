import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** The project's root folder. */
export const ROOT = join(import.meta.dirname, '../..');

/** Every .ts / .tsx file under a folder of the project (relative to the root), recursively. */
export function sourceFiles(folder: string, pattern = /\.tsx?$/): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : pattern.test(name) ? [path] : [];
    });
  return walk(join(ROOT, folder));
}

/** A file parsed by the TypeScript compiler (TSX for .tsx files). */
export function parse(path: string): ts.SourceFile {
  return ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

/** Where a node is, for a failure message: `renderer/App.tsx:21`. */
export function where(node: ts.Node): string {
  const file = node.getSourceFile();
  return `${relative(ROOT, file.fileName)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
}

/** Calls every node of a file, depth first. */
export function walk(file: ts.SourceFile, visit: (node: ts.Node) => void): void {
  const go = (node: ts.Node) => {
    visit(node);
    ts.forEachChild(node, go);
  };
  go(file);
}

/** The name a call is made by: `t`, `i18next.t` → `t`, `phrase`, `new StoreError` → `StoreError`. */
export function calleeName(node: ts.CallExpression | ts.NewExpression): string | null {
  const e = node.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return null;
}

/**
 * What a key argument can be: the literals it may take (each branch of a `?:`), and the template
 * literals with substitutions (`review.actions.${a}`) by their fixed head and tail. Anything else (a variable)
 * is not a key literal and is left out.
 */
export function keyLiterals(arg: ts.Expression): { literals: string[]; templates: { head: string; tail: string }[] } {
  if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) return { literals: [arg.text], templates: [] };
  // One substitution (`help.topics.${t}.title`): the text after it is the tail.
  if (ts.isTemplateExpression(arg)) return { literals: [], templates: [{ head: arg.head.text, tail: arg.templateSpans.map((s) => s.literal.text).join('') }] };
  if (ts.isParenthesizedExpression(arg)) return keyLiterals(arg.expression);
  if (ts.isConditionalExpression(arg)) {
    const a = keyLiterals(arg.whenTrue);
    const b = keyLiterals(arg.whenFalse);
    return { literals: [...a.literals, ...b.literals], templates: [...a.templates, ...b.templates] };
  }
  return { literals: [], templates: [] };
}
