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

/** Appends to `<dir>/main.log` and mirrors to stderr; never throws. */
export function createFileLogger(dir: string, mirror = true): Logger {
  let ok = true;
  try {
    mkdirSync(dir, { recursive: true });
  } catch {
    ok = false;
  }
  const file = join(dir, 'main.log');
  const write = (level: string, message: string, err?: unknown): void => {
    const line = redact(
      `${new Date().toISOString()} ${level} ${message}${err === undefined ? '' : ` ${describe(err)}`}`,
    );
    if (mirror) process.stderr.write(`${line}\n`);
    if (!ok) return;
    try {
      appendFileSync(file, `${line}\n`);
    } catch {
      ok = false;
    }
  };
  return {
    info: (m) => write('INFO', m),
    warn: (m, e) => write('WARN', m, e),
    error: (m, e) => write('ERROR', m, e),
  };
}
