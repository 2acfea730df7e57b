import { stmt, type Db } from './db';

/** What a request other than an answer cost: a generated title, a summary (see migration 013). */
export interface ExtraUsage {
  kind: 'title' | 'summary';
  conversationId: string;
  model: string | null;
  profileId: string | null;
  promptTokens: number;
  completionTokens: number;
  /** USD at today's prices; null when the price table knows no price for the model. */
  cost: number | null;
  /** The counts were estimated locally (the relay sent no usage). */
  tokensEstimated: boolean;
}

export function insertExtraUsage(db: Db, entry: ExtraUsage, now: number): void {
  stmt(
    db,
    `INSERT INTO extra_usage (kind, conversation_id, model, profile_id, created_at, prompt_tokens,
       completion_tokens, cost, tokens_estimated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    entry.kind,
    entry.conversationId,
    entry.model,
    entry.profileId,
    now,
    entry.promptTokens,
    entry.completionTokens,
    entry.cost,
    entry.tokensEstimated ? 1 : 0,
  );
}
