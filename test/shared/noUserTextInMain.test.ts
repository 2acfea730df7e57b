import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Main never writes a sentence for the user: what it reports crosses as a code (src/shared/codes.ts)
 * and the renderer writes the words. This scans every string literal in src/main and fails on one
 * that reads like an English sentence, unless it is a log line, an Error only ever logged, or one
 * of the few texts below that are meant for something else than the user's screen.
 */
const ROOT = join(__dirname, '../../src/main');

/** Texts that are not shown to the user, with why. */
const NOT_FOR_THE_USER: Record<string, RegExp[]> = {
  // Sent to the model by "Test connection" and check on save, not shown.
  'relay/probe-prompt.ts': [/^Count from 1 to \d+/],
  // The instruction a Continue sends to the model.
  'chat/promptAssembly.ts': [/^Your previous answer was cut off/, /^character\. Do not repeat/],
  // The Markdown export is a document in a fixed format, written for any reader of the file.
  'history/exportHistory.ts': [/.*/],
  // The start-up problem dialog: main shows it before any window (and so before the renderer's
  // catalogues) exists, so this one file holds its own English, Vietnamese and Chinese texts.
  'startup/startupTexts.ts': [/.*/],
};

/** Calls whose string arguments are for the log or the developer, never the screen. */
const LOG_CALLEE = /(^|\.)(log|info|warn|error|debug|logger)$|^console\./;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** At least three words with a capital start, or a clause ending in a full stop. */
export function looksLikeSentence(text: string): boolean {
  const clean = text.replace(/\$\{[^}]*\}/g, 'X').trim();
  if (!/\s/.test(clean)) return false;
  // SQL, paths, markup and code are not prose.
  if (/^(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|WITH|PRAGMA|BEGIN|COMMIT)\b/i.test(clean))
    return false;
  if (/[{}<>=`]|\/\/|\\n/.test(clean) && !/[.!?]$/.test(clean)) return false;
  const words = clean.split(/\s+/).filter((w) => /^[A-Za-z][a-z'’-]*[,.:;!?]?$/.test(w));
  if (words.length < 3) return false;
  return /^[A-Z"“(]/.test(clean) || /[a-z][.!?]$/.test(clean);
}

function calleeName(node: ts.Node): string | undefined {
  for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
    if (ts.isCallExpression(at)) return at.expression.getText();
    if (ts.isNewExpression(at)) return `new ${at.expression.getText()}`;
    if (ts.isBlock(at) || ts.isSourceFile(at) || ts.isVariableDeclaration(at)) return undefined;
  }
  return undefined;
}

function findings(): string[] {
  const out: string[] = [];
  for (const file of sourceFiles(ROOT)) {
    const rel = relative(ROOT, file).split('\\').join('/');
    const allowed = NOT_FOR_THE_USER[rel] ?? [];
    const source = ts.createSourceFile(
      file,
      readFileSync(file, 'utf8'),
      ts.ScriptTarget.Latest,
      true,
    );
    const visit = (node: ts.Node): void => {
      const isText =
        ts.isStringLiteral(node) ||
        ts.isNoSubstitutionTemplateLiteral(node) ||
        ts.isTemplateExpression(node);
      if (isText && !ts.isImportDeclaration(node.parent) && !ts.isExportDeclaration(node.parent)) {
        const text = ts.isTemplateExpression(node) ? node.getText().slice(1, -1) : node.text;
        const callee = calleeName(node);
        const forTheLog = callee !== undefined && LOG_CALLEE.test(callee.replace(/^new /, ''));
        // A plain Error is never shown: toAppError turns it into `internal`, the log keeps it.
        const plainError =
          callee !== undefined && /^new (Error|TypeError|RangeError)$/.test(callee);
        if (
          looksLikeSentence(text) &&
          !forTheLog &&
          !plainError &&
          !allowed.some((re) => re.test(text))
        ) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          out.push(`${rel}:${line + 1}: ${text.slice(0, 80)}`);
        }
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

describe('main sends codes, not sentences', () => {
  it('no string literal in src/main reads like a sentence for the user', () => {
    expect(findings()).toEqual([]);
  });

  it('the check recognises a sentence and lets codes, SQL and paths through', () => {
    expect(looksLikeSentence('The relay refused the API key.')).toBe(true);
    expect(looksLikeSentence(`Could not reach \${host}: \${detail}.`)).toBe(true);
    expect(looksLikeSentence('Nothing was deleted; the old file is kept')).toBe(true);
    expect(looksLikeSentence('relay_key_refused')).toBe(false);
    expect(looksLikeSentence('SELECT id FROM messages WHERE seq = ?')).toBe(false);
    expect(looksLikeSentence('history.sqlite')).toBe(false);
    expect(looksLikeSentence('content-type')).toBe(false);
  });
});
