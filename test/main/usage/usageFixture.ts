import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HistoryStore } from '../../../src/main/history/HistoryStore';
import { SettingsStore } from '../../../src/main/settings/SettingsStore';
import { UsageService } from '../../../src/main/usage/UsageService';
import { hasUsageIndex, USAGE_INDEX_SQL } from '../../../src/main/usage/usageRepository';
import { expect } from 'vitest';
import type { MessageStatus } from '../../../src/shared/types/history';
import type { BudgetAlert } from '../../../src/shared/types/usage';

export interface AnswerSpec {
  at: number;
  model?: string | null;
  profileId?: string | null;
  prompt?: number | null;
  completion?: number | null;
  estimated?: boolean;
  cost?: number | null;
  ttftMs?: number | null;
  durationMs?: number | null;
  status?: Exclude<MessageStatus, 'streaming'>;
  title?: string;
}

/**
 * A real history file and settings file in a temp dir, with a settable clock; answers are
 * recorded through HistoryStore's own API (append a user message and a streaming answer, then
 * finish it), exactly as the chat service does.
 */
export class UsageFixture {
  readonly dir = mkdtempSync(join(tmpdir(), 'fleece-usage-test-'));
  time = Date.UTC(2025, 0, 1);
  readonly alerts: BudgetAlert[] = [];
  history!: HistoryStore;
  settings!: SettingsStore;
  usage!: UsageService;
  timeZone = 'UTC';

  /** The history migrations do not add the usage index yet: `usageIndex` creates it, for the fast strategy. */
  constructor(readonly usageIndex = false) {}

  static async open(options: { usageIndex?: boolean } = {}): Promise<UsageFixture> {
    const f = new UsageFixture(options.usageIndex ?? false);
    await f.reopen();
    return f;
  }

  /** Opens (again) the same files: what a restart of the app sees. */
  async reopen(): Promise<void> {
    this.history?.close();
    this.history = (await HistoryStore.open({ dataDir: this.dir, now: () => this.time })).store;
    // Migrations add the index; the fallback strategy is tested on a file without it.
    if (this.usageIndex) this.history.db.exec(USAGE_INDEX_SQL);
    else this.history.db.exec('DROP INDEX IF EXISTS messages_usage');
    expect(hasUsageIndex(this.history.db)).toBe(this.usageIndex);
    this.settings = await SettingsStore.open({ dataDir: this.dir });
    this.usage = new UsageService({
      db: () => this.history.db,
      settings: this.settings,
      profiles: () => [
        { id: 'p1', name: 'HolySheep' },
        { id: 'p2', name: 'Work, "main"' },
      ],
      emitBudgetAlert: (a) => this.alerts.push(a),
      now: () => this.time,
      timeZone: () => this.timeZone,
    });
  }

  answer(spec: AnswerSpec): string {
    this.time = spec.at;
    const c = this.history.createConversation({ model: spec.model ?? null });
    if (spec.title) this.history.renameConversation(c.id, spec.title);
    this.history.appendMessage({ conversationId: c.id, role: 'user', content: 'question' });
    const m = this.history.appendMessage({
      conversationId: c.id,
      role: 'assistant',
      status: 'streaming',
      model: spec.model ?? null,
      profileId: spec.profileId === undefined ? 'p1' : spec.profileId,
    });
    this.history.finishMessage(m.id, {
      status: spec.status ?? 'complete',
      content: 'answer',
      reasoning: '',
      promptTokens: spec.prompt === undefined ? 100 : spec.prompt,
      completionTokens: spec.completion === undefined ? 200 : spec.completion,
      tokensEstimated: spec.estimated ?? false,
      cost: spec.cost === undefined ? 0.001 : spec.cost,
      ttftMs: spec.ttftMs === undefined ? 300 : spec.ttftMs,
      durationMs: spec.durationMs === undefined ? 2300 : spec.durationMs,
      finishReason: 'stop',
      errorKind: null,
      errorMessage: null,
    });
    return m.id;
  }

  async close(): Promise<void> {
    await this.settings.flush();
    this.history.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
