import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface Logger {
  info(message: string): void;
  warn(message: string, err?: unknown): void;
  error(message: string, err?: unknown): void;
}

// Bearer tokens and key-shaped strings are masked even if a bug ever routes one here.
const SECRET_PATTERNS = [/Bearer\s+[^\s"']+/gi, /\b(sk|hsa)-[A-Za-z0-9_-]{6,}/g];

export function redact(text: string): string {
  return SECRET_PATTERNS.reduce((t, re) => t.replace(re, '[redacted]'), text);
}

function describe(err: unknown): string {
  if (err instanceof Error)
    return `${err.name}: ${err.message}${err.stack ? `\n${err.stack}` : ''}`;
  return String(err);
}

/** Lines kept while the log cannot be written (a full disk), written once it can again. */
const HELD_LINES_MAX = 500;

/**
 * Appends to `<dir>/main.log` and mirrors to stderr; never throws. A failed append (full disk,
 * folder gone) does not end logging: the lines are held (bounded) and every later line tries
 * again, so the log resumes — with what was missed — once the disk accepts writes.
 */
export function createFileLogger(dir: string, mirror = true): Logger {
  const file = join(dir, 'main.log');
  let held: string[] = [];
  let dropped = 0;
  const append = (line: string): void => {
    const lines = [...held, line];
    try {
      mkdirSync(dir, { recursive: true });
      const lost =
        dropped > 0
          ? `${new Date().toISOString()} WARN ${dropped} log line(s) lost while the log could not be written\n`
          : '';
      appendFileSync(file, `${lost}${lines.join('\n')}\n`);
      held = [];
      dropped = 0;
    } catch {
      held = lines.slice(-HELD_LINES_MAX);
      dropped += lines.length - held.length;
    }
  };
  const write = (level: string, message: string, err?: unknown): void => {
    const line = redact(
      `${new Date().toISOString()} ${level} ${message}${err === undefined ? '' : ` ${describe(err)}`}`,
    );
    if (mirror) process.stderr.write(`${line}\n`);
    append(line);
  };
  return {
    info: (m) => write('INFO', m),
    warn: (m, e) => write('WARN', m, e),
    error: (m, e) => write('ERROR', m, e),
  };
}
