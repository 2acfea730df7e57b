import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { AttachmentFiles } from '../../../src/main/attachments/AttachmentFiles';
import { AttachmentService } from '../../../src/main/attachments/AttachmentService';
import { FleeceError } from '../../../src/main/errors/FleeceError';
import { chatHarness, type Harness } from './chatHarness';
import type { Step } from './scriptedRelay';
import { pdfWithText, png } from '../../fixtures/attachments/files';
import type { ContentPart } from '../../../src/main/chat/relayTypes';

const answer = (text: string): Step[] => [{ content: text }, { usage: [10, 5] }, { done: 'stop' }];

async function withAttachments(scripts: Step[][], maxSide = 2048) {
  // The chat service needs the attachment service, which needs the chat harness's store.
  const holder: { service?: AttachmentService } = {};
  const service = (): AttachmentService => holder.service as AttachmentService;
  const h = await chatHarness(scripts, {
    attachments: {
      check: (refs) => service().check(refs),
      sent: (refs) => service().sent(refs),
      expandPrompt: (p) => service().expandPrompt(p),
    },
  });
  const files = new AttachmentFiles(h.store.attachmentsDir);
  holder.service = new AttachmentService({ history: h.store, files, maxImageSide: () => maxSide });
  return { h, service: holder.service, files };
}

function partsOf(h: Harness, call: number): ContentPart[] {
  const user = h.calls[call]?.request.messages.findLast((m) => m.role === 'user');
  return user?.content as ContentPart[];
}

describe('sending attachments', () => {
  let h: Harness;
  afterEach(() => h.dir.cleanup());

  it('sends an image as a data URL downscaled to the longest side, a log and a PDF as named text', async () => {
    const ctx = await withAttachments([answer('Seen.'), answer('Seen again.')], 1000);
    h = ctx.h;
    const shot = await ctx.service.add('shot.png', await png(3000, 1500));
    const log = await ctx.service.add('app.log', Buffer.from('ERROR timeout\n'));
    const pdf = await ctx.service.add('spec.pdf', pdfWithText(['Use port 8443']));
    const turn = await h.service.send({ text: 'What is wrong?', attachments: [shot, log, pdf] });
    await h.finish(turn.assistant.id);
    const parts = partsOf(h, 0);
    expect(parts.map((p) => p.type)).toEqual(['text', 'image_url', 'text', 'text']);
    expect(parts[0]).toEqual({ type: 'text', text: 'What is wrong?' });
    expect(parts[2]).toEqual({
      type: 'text',
      text: '<file name="app.log">\nERROR timeout\n\n</file>',
    });
    expect(parts[3]).toEqual({
      type: 'text',
      text: '<file name="spec.pdf">\nUse port 8443\n</file>',
    });
    const url = (parts[1] as { image_url: { url: string } }).image_url.url;
    expect(url.startsWith('data:image/png;base64,')).toBe(true);
    const sent = await sharp(Buffer.from(url.split(',')[1] ?? '', 'base64')).metadata();
    expect([sent.width, sent.height]).toEqual([1000, 500]);
    // The original stays on disk, unchanged.
    const original = await sharp(await ctx.files.read(shot.hash)).metadata();
    expect([original.width, original.height]).toEqual([3000, 1500]);
    // No reference field leaks into the request.
    expect(JSON.stringify(h.calls[0]?.request.messages)).not.toContain('"attachments"');

    // Regenerate asks again with the same files.
    const again = await h.service.regenerate(turn.assistant.id);
    await h.finish(again.assistant.id);
    expect(partsOf(h, 1)).toEqual(parts);
    expect(h.store.getMessage(turn.user?.id ?? '')?.attachments.map((a) => a.name)).toEqual([
      'shot.png',
      'app.log',
      'spec.pdf',
    ]);
  });

  it('edit and resend keeps the question’s files', async () => {
    const ctx = await withAttachments([answer('A'), answer('B')]);
    h = ctx.h;
    const log = await ctx.service.add('notes.md', Buffer.from('# Notes'));
    const turn = await h.service.send({ text: 'Summarise', attachments: [log] });
    await h.finish(turn.assistant.id);
    const edited = await h.service.editAndResend(turn.user?.id ?? '', 'Summarise briefly');
    await h.finish(edited.assistant.id);
    expect(partsOf(h, 1)).toEqual([
      { type: 'text', text: 'Summarise briefly' },
      { type: 'text', text: '<file name="notes.md">\n# Notes\n</file>' },
    ]);
  });

  it('a file gone from the data folder fails the send before anything is stored', async () => {
    const ctx = await withAttachments([answer('never')]);
    h = ctx.h;
    const gone = await ctx.service.add('gone.txt', Buffer.from('bye'));
    rmSync(ctx.files.pathOf(gone.hash));
    const error = await h.service.send({ text: 'keep me', attachments: [gone] }).catch((e) => e);
    expect(error).toBeInstanceOf(FleeceError);
    expect((error as FleeceError).text).toEqual({
      code: 'attachment_missing',
      params: { name: 'gone.txt' },
    });
    expect(h.calls).toHaveLength(0);
    expect(h.store.listConversations().conversations).toHaveLength(0);
  });

  it('a relay refusing the image gets the card that says to pick a vision model', async () => {
    const ctx = await withAttachments([
      [{ fail: { kind: 'bad_request', text: 'relay_rejected' } }],
    ]);
    h = ctx.h;
    const shot = await ctx.service.add('shot.png', await png(10, 10));
    const turn = await h.service.send({ text: 'see', attachments: [shot] });
    const done = await h.finish(turn.assistant.id);
    expect(done.message.status).toBe('error');
    expect(done.failure?.hint).toEqual({ code: 'hint_pick_vision_model' });
    expect(done.failure?.text).toEqual({ code: 'relay_image_refused' });
  });

  it('the estimate when the relay sends no usage counts the image tiles', async () => {
    const ctx = await withAttachments([
      [{ content: 'ok' }, { done: 'stop' }],
      [{ content: 'ok' }, { done: 'stop' }],
    ]);
    h = ctx.h;
    const plain = await h.service.send({ text: 'look' });
    const a = await h.finish(plain.assistant.id);
    const shot = await ctx.service.add('shot.png', await png(1024, 1024));
    const withImage = await h.service.send({
      conversationId: plain.conversationId,
      text: 'look',
      attachments: [shot],
    });
    const b = await h.finish(withImage.assistant.id);
    expect(b.message.tokensEstimated).toBe(true);
    // The second prompt holds the first turn too, plus 85 + 170×4 for the 1024² image.
    expect((b.message.promptTokens ?? 0) - (a.message.promptTokens ?? 0)).toBeGreaterThanOrEqual(
      765,
    );
  });
});

describe('images of earlier questions', () => {
  let h: Harness;
  afterEach(() => h.dir.cleanup());

  it('are sent again newest first up to the request budget; older ones are named instead', async () => {
    h = await chatHarness([answer('1'), answer('2'), answer('3')]);
    const files = new AttachmentFiles(h.store.attachmentsDir);
    const service = new AttachmentService({
      history: h.store,
      files,
      maxImageSide: () => 2048,
      requestLimits: { images: 2, bytes: 10_000_000 },
    });
    const c = h.store.createConversation({});
    const ask = async (n: number, images: number) => {
      const refs = [];
      for (let k = 0; k < images; k++)
        refs.push(await service.add(`q${n}-${k}.png`, await png(8 + n, 8 + k)));
      h.store.appendMessage({
        conversationId: c.id,
        role: 'user',
        content: `q${n}`,
        attachments: service.check(refs),
      });
      h.store.appendMessage({ conversationId: c.id, role: 'assistant', content: `a${n}` });
    };
    await ask(1, 1);
    await ask(2, 1);
    await ask(3, 3);
    const all = h.store.allMessages(c.id).slice(0, -1);
    const { assemblePrompt } = await import('../../../src/main/chat/promptAssembly');
    const sent = await service.expandPrompt(assemblePrompt(c, all));
    const kinds = sent.messages
      .filter((m) => m.role === 'user')
      .map((m) =>
        (m.content as ContentPart[]).map((p) => (p.type === 'image_url' ? 'image' : p.text)),
      );
    expect(kinds).toEqual([
      ['q1', '[Image "q1-0.png" was shown earlier in the conversation and is not sent again.]'],
      ['q2', '[Image "q2-0.png" was shown earlier in the conversation and is not sent again.]'],
      // The latest question's images always go, even past the budget.
      ['q3', 'image', 'image', 'image'],
    ]);
    expect(sent.images).toBe(3);
  });
});
