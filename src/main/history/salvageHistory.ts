import Database from 'better-sqlite3';
import type { Db } from './db';
import { indexMessage, indexTitle } from './searchIndex';
import { linkAttachments } from './attachmentRepository';
import { attachmentListSchema, type AttachmentRef } from '../../shared/attachment';

export interface SalvageCounts {
  conversations: number;
  messages: number;
}

/** Rows read per query; a range that hits a damaged page is retried row by row. */
const RANGE = 500;

function columns(db: Db, table: string): string[] {
  return (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
}

function attachmentRefs(json: string): AttachmentRef[] {
  try {
    const parsed = attachmentListSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/**
 * Every readable row of `table` by an integer key column, skipping what a damaged page hides.
 * The key need not be unique (a composite key's first column): each value's rows come together.
 */
function* readableRows(
  source: Db,
  table: string,
  key: string,
  cols: string[],
): Generator<Record<string, unknown>> {
  let max: number;
  try {
    max = (source.prepare(`SELECT max(${key}) FROM ${table}`).pluck().get() as number | null) ?? 0;
  } catch {
    // The b-tree's right edge is damaged: walk until a long run of keys finds nothing.
    max = Number.MAX_SAFE_INTEGER;
  }
  const list = cols.join(', ');
  const range = source.prepare(`SELECT ${list} FROM ${table} WHERE ${key} BETWEEN ? AND ?`);
  const one = source.prepare(`SELECT ${list} FROM ${table} WHERE ${key} = ?`);
  let emptyRanges = 0;
  for (let lo = 1; lo <= max && emptyRanges < 200; lo += RANGE) {
    let rows: Record<string, unknown>[] = [];
    try {
      rows = range.all(lo, lo + RANGE - 1) as Record<string, unknown>[];
    } catch {
      for (let k = lo; k < lo + RANGE; k++) {
        try {
          rows.push(...(one.all(k) as Record<string, unknown>[]));
        } catch {
          // this row sits on a damaged page
        }
      }
    }
    emptyRanges = rows.length === 0 && max === Number.MAX_SAFE_INTEGER ? emptyRanges + 1 : 0;
    yield* rows;
  }
}

/** The checkpointed parts of a streaming answer, or nothing where they cannot be read. */
function partsOf(source: Db, seq: number): { content: string; reasoning: string } {
  try {
    const row = source
      .prepare(
        `SELECT group_concat(content, '' ORDER BY n) AS content,
           group_concat(reasoning, '' ORDER BY n) AS reasoning FROM message_parts WHERE seq = ?`,
      )
      .get(seq) as { content: string | null; reasoning: string | null };
    return { content: row.content ?? '', reasoning: row.reasoning ?? '' };
  } catch {
    return { content: '', reasoning: '' };
  }
}

/**
 * Copies every readable conversation and message of a damaged history into `target` (a fresh,
 * migrated file), keeping their keys, ids and search index, with what hangs on them: attached
 * files, comparisons of several models and the cost of generated titles and summaries. Reads row
 * ranges and falls back to single rows around damage, so one bad page costs only the rows on it.
 */
export function salvageHistory(damagedPath: string, target: Db): SalvageCounts {
  const counts: SalvageCounts = { conversations: 0, messages: 0 };
  let source: Db;
  try {
    source = new Database(damagedPath, { readonly: true, fileMustExist: true });
  } catch {
    return counts;
  }
  try {
    const copy = (table: string, key: string, onRow: (row: Record<string, unknown>) => void) => {
      let cols: string[];
      try {
        const have = new Set(columns(source, table));
        cols = columns(target, table).filter((c) => have.has(c));
      } catch {
        return; // the schema itself is unreadable
      }
      if (cols.length === 0) return;
      const insert = target.prepare(
        `INSERT OR IGNORE INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
      );
      target.transaction(() => {
        for (const row of readableRows(source, table, key, cols)) {
          try {
            if (insert.run(...cols.map((c) => row[c])).changes === 1) onRow(row);
          } catch {
            // a row whose parent was lost, or a value the damaged page garbled
          }
        }
      })();
    };
    const trashed = new Set<number>();
    copy('conversations', 'pk', (row) => {
      counts.conversations += 1;
      if (row['deleted_at'] !== null) trashed.add(row['pk'] as number);
      else if (typeof row['title'] === 'string' && row['title'] !== '')
        indexTitle(target, row['pk'] as number, row['title']);
    });
    // Attached files' records first, so each copied question is linked to its files again
    // (an unlinked file would be deleted at the next clean-up).
    copy('attachments', 'rowid', () => undefined);
    copy('messages', 'seq', (row) => {
      counts.messages += 1;
      const seq = row['seq'] as number;
      const refs = typeof row['attachments'] === 'string' ? attachmentRefs(row['attachments']) : [];
      if (refs.length > 0) linkAttachments(target, seq, refs);
      if (row['status'] === 'streaming') {
        const parts = partsOf(source, seq);
        target
          .prepare(
            `UPDATE messages SET status = 'interrupted', content = content || ?,
               reasoning = reasoning || ? WHERE seq = ?`,
          )
          .run(parts.content, parts.reasoning, seq);
      } else if (
        !trashed.has(row['conv_pk'] as number) &&
        (row['deleted_at'] ?? null) === null &&
        typeof row['content'] === 'string'
      ) {
        indexMessage(target, seq, row['content']);
      }
    });
    // After the messages they name. A comparison whose question or kept answer was lost is not
    // copied (its answers stay, as versions of one another), nor the link of a lost answer.
    copy('comparisons', 'pk', () => undefined);
    copy('comparison_answers', 'comparison_pk', () => undefined);
    copy('extra_usage', 'id', () => undefined);
  } finally {
    source.close();
  }
  return counts;
}
