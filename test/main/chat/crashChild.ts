/**
 * Child process for crashSafety.test.ts: boots, waits for "go <seed>" on stdin, then streams a
 * scripted answer through the real ChatService into the real store at <dataDir>, printing
 * "started <messageId>" and, after each committed checkpoint, "checkpoint <length on disk>". The parent
 * kills it with SIGKILL mid-stream.
 */
import { createInterface } from 'node:readline';
import { ChatService, type ChatHistory } from '../../../src/main/chat/ChatService';
import type { RelayStreamEvent } from '../../../src/main/chat/relayTypes';
import { HistoryStore } from '../../../src/main/history/HistoryStore';
import { crashChunks } from './crashScript';

async function main(): Promise<void> {
  const dataDir = process.argv[2] ?? '';
  const lines = createInterface({ input: process.stdin });
  process.stdout.write('booted\n');
  const go = await new Promise<string>((resolve) => lines.once('line', resolve));
  const seed = Number(go.split(' ')[1]);

  const { store } = await HistoryStore.open({ dataDir });
  // The answer's text on disk so far: each checkpoint appends what came since the last one.
  let savedLength = 0;
  const history: ChatHistory = {
    getConversation: (id) => store.getConversation(id),
    createConversation: (input) => store.createConversation(input),
    updateConversationSettings: (id, patch) => store.updateConversationSettings(id, patch),
    appendMessage: (input) => store.appendMessage(input),
    getMessage: (id) => store.getMessage(id),
    pathMessages: (id) => store.pathMessages(id),
    messageVersions: (id) => store.messageVersions(id),
    appendToMessage: (id, content, reasoning) => {
      const written = store.appendToMessage(id, content, reasoning);
      savedLength += content.length;
      // Printed only after the INSERT committed (stdout to a pipe is synchronous on Linux).
      if (written) process.stdout.write(`checkpoint ${savedLength}\n`);
      return written;
    },
    finishMessage: (id, outcome) => store.finishMessage(id, outcome),
    reopenMessage: (id) => store.reopenMessage(id),
    editMessage: (id, content) => store.editMessage(id, content),
    deleteMessage: (id) => store.deleteMessage(id),
    purgeConversation: (id) => store.purgeConversation(id),
  };

  async function* streamChat(): AsyncGenerator<RelayStreamEvent> {
    for (const [i, chunk] of crashChunks(seed).entries()) {
      await new Promise((resolve) => setTimeout(resolve, 1 + (i % 4)));
      yield { type: 'delta', content: chunk };
    }
    yield { type: 'done', finishReason: 'stop' };
  }

  const service = new ChatService({
    history,
    streamChat,
    resolveTarget: async () => ({
      profileId: 'p1',
      baseUrl: 'http://127.0.0.1:9/v1',
      model: 'scripted',
    }),
    emit: () => undefined,
  });
  const ids = await service.send({ text: `question ${seed}` });
  process.stdout.write(`started ${ids.assistant.id}\n`);
}

void main();
