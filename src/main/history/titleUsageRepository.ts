import { stmt, type Db } from './db';

/** What asking for one conversation title cost (see migration 013). */
export interface TitleUsage {
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

export function insertTitleUsage(db: Db, entry: TitleUsage, now: number): void {
  stmt(
    db,
    `INSERT INTO title_usage (conversation_id, model, profile_id, created_at, prompt_tokens,
       completion_tokens, cost, tokens_estimated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
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
