import {
  messageSchema,
  withMessageDefaults,
  type Message,
  type MessageDefaults,
} from '../../shared/message';
import { attachmentListSchema } from '../../shared/attachment';

/**
 * The one column map of the `messages` table. Every field of `Message` except `conversationId`
 * (stored as `conv_pk`) is the column of the same name in snake_case; the column list, the row
 * type, the row-to-message mapping and the INSERT/UPDATE statements are all built from it, so a
 * new field needs its migration and its definition, nothing here (unless its type is not a SQL
 * value: then the compiler asks for a codec below).
 */

type Stored = Omit<Message, 'conversationId'>;
export type MessageField = keyof Stored;
type SqlValue = string | number | null;

/** `reasoningMs` → `reasoning_ms`, at the type level (the runtime twin is `snake` below). */
type Snake<S extends string> = S extends `${infer C}${infer Rest}`
  ? `${C extends Lowercase<C> ? C : `_${Lowercase<C>}`}${Snake<Rest>}`
  : S;
export type ColumnOf<K extends MessageField> = Snake<K>;

/** How a field whose value SQLite cannot hold as is goes in and out of its column. */
interface Codec<T> {
  toSql(value: T): SqlValue;
  fromSql(value: SqlValue): T;
}

const flag: Codec<boolean> = { toSql: (v) => (v ? 1 : 0), fromSql: (v) => v === 1 };
/** The timing columns are INTEGER in a STRICT table: a fractional clock reading would be refused. */
const wholeMs: Codec<number | null> = {
  toSql: (v) => (v === null ? null : Math.round(v)),
  fromSql: (v) => v as number | null,
};

/** Fields whose type is not a SQL value: each must have a codec (checked when compiling). */
type NeedsCodec = { [K in MessageField]: Stored[K] extends SqlValue ? never : K }[MessageField];

/** Attachment references as JSON: read with every page, no join (the files are linked apart). */
const attachmentsJson: Codec<Stored['attachments']> = {
  toSql: (v) => JSON.stringify(v),
  fromSql: (v) => {
    if (typeof v !== 'string' || v === '[]') return [];
    const parsed = attachmentListSchema.safeParse(JSON.parse(v));
    return parsed.success ? parsed.data : [];
  },
};

const CODECS: { [K in NeedsCodec]: Codec<Stored[K]> } & {
  [K in MessageField]?: Codec<Stored[K]>;
} = {
  tokensEstimated: flag,
  ttftMs: wholeMs,
  durationMs: wholeMs,
  reasoningMs: wholeMs,
  retryAfterMs: wholeMs,
  attachments: attachmentsJson,
};

/** A row as SQLite returns it: the stored fields under their column names, plus the keys. */
export type MessageRow = {
  [K in MessageField as ColumnOf<K>]: K extends NeedsCodec ? SqlValue : Stored[K];
} & { seq: number; conv_pk: number };

function snake(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

const FIELDS = Object.keys(messageSchema.shape).filter(
  (k): k is MessageField => k !== 'conversationId',
);
const COLUMN: Record<MessageField, string> = Object.fromEntries(
  FIELDS.map((f) => [f, snake(f)]),
) as Record<MessageField, string>;

/** The columns of the `messages` table: the keys, then one per stored field. */
export const MESSAGE_COLUMN_NAMES: readonly string[] = [
  'seq',
  'conv_pk',
  ...FIELDS.map((f) => COLUMN[f]),
];

/** The text a streaming message has so far: its column plus the parts checkpointed since it started. */
function withParts(column: 'content' | 'reasoning', table: string): string {
  return `CASE WHEN ${table}.status = 'streaming' THEN ${table}.${column} || coalesce((
      SELECT group_concat(p.${column}, '' ORDER BY p.n) FROM message_parts p WHERE p.seq = ${table}.seq
    ), '') ELSE ${table}.${column} END AS ${column}`;
}

/**
 * Every column of a message row, for `SELECT`; with `alias`, qualified (`m.seq, m.id, …`). The
 * text of a streaming message includes its checkpointed parts (migration 011).
 */
export function messageColumns(alias?: string): string {
  const table = alias ?? 'messages';
  return MESSAGE_COLUMN_NAMES.map((c) =>
    c === 'content' || c === 'reasoning' ? withParts(c, table) : `${table}.${c}`,
  ).join(', ');
}

/** The columns without the two texts (read as ''), for a row whose text is not needed. */
export function messageMetaColumns(alias: string): string {
  return MESSAGE_COLUMN_NAMES.map((c) =>
    c === 'content' || c === 'reasoning' ? `'' AS ${c}` : `${alias}.${c}`,
  ).join(', ');
}

export const MESSAGE_COLUMNS = messageColumns();

export function toMessage(row: MessageRow, conversationId: string): Message {
  const raw = row as unknown as Record<string, SqlValue>;
  const out: Record<string, unknown> = { conversationId };
  for (const f of FIELDS) {
    const value = raw[COLUMN[f]] ?? null;
    const codec = CODECS[f] as Codec<unknown> | undefined;
    out[f] = codec ? codec.fromSql(value) : value;
  }
  return out as Message;
}

type Bindings = Record<string, SqlValue>;

function bind(fields: Partial<Stored>): Bindings {
  const out: Bindings = {};
  for (const [f, value] of Object.entries(fields) as [MessageField, unknown][]) {
    if (value === undefined || !(f in COLUMN)) continue;
    const codec = CODECS[f] as Codec<unknown> | undefined;
    out[COLUMN[f]] = codec ? codec.toSql(value) : (value as SqlValue);
  }
  return out;
}

/**
 * A message to insert: the fields without a default, and whatever else is known (the rest take
 * their defaults; `conversationId` is ignored, the row gets `conv_pk`).
 */
export type MessageInsert = Omit<Message, keyof MessageDefaults | 'conversationId'> &
  Partial<Message>;

export const INSERT_MESSAGE = `INSERT INTO messages (conv_pk, ${FIELDS.map((f) => COLUMN[f]).join(', ')})
  VALUES (@conv_pk, ${FIELDS.map((f) => `@${COLUMN[f]}`).join(', ')})`;

/** Named bindings for `INSERT_MESSAGE`. */
export function insertBindings(convPk: number, m: MessageInsert): Bindings {
  return { ...bind(withMessageDefaults(m) as Stored), conv_pk: convPk };
}

/** Fields a finished or edited message may change (its identity and creation never do). */
export type MessageUpdate = Partial<Omit<Stored, 'id' | 'role' | 'createdAt'>>;

/** `UPDATE messages SET col = @col, … WHERE seq = @seq` for the fields given, with its bindings. */
export function updateMessageSql(
  seq: number,
  fields: MessageUpdate,
): { sql: string; bindings: Bindings } {
  const bindings = bind(fields);
  const set = Object.keys(bindings).map((c) => `${c} = @${c}`);
  return {
    sql: `UPDATE messages SET ${set.join(', ')} WHERE seq = @seq`,
    bindings: { ...bindings, seq },
  };
}
