import { FleeceError } from '../../../src/main/errors/FleeceError';
import { coded, type Code } from '../../../src/shared/codes';
import type { RelayErrorKind } from '../../../src/shared/relay';
import type {
  RelayChatRequest,
  RelayStreamEvent,
  RelayStreamOptions,
  StreamChat,
} from '../../../src/main/chat/relayTypes';

/** One scripted step of a fake relay stream. */
export type Step =
  | { wait: number }
  | { content?: string; reasoning?: string }
  | { usage: [prompt: number, completion: number] }
  | { done: string | null }
  | {
      fail: {
        kind: RelayErrorKind;
        text: Code;
        hint?: Code;
        partial?: { content: string; reasoning: string };
      };
    }
  /** Never yields again until aborted (a stalled upstream). */
  | { hang: true };

export interface RelayCall {
  request: RelayChatRequest;
  options: RelayStreamOptions;
}

/** The relay's own abort behaviour: throw `aborted` with the partial text. */
function abortedError(content: string): Error {
  return new FleeceError('aborted', {
    text: 'relay_stopped',
    partial: { content, reasoning: '' },
  });
}

/**
 * A fake `streamChat` that plays `scripts` (one per call, in order) with waits on `sleep`
 * (the test's clock), recording every request.
 */
export function scriptedRelay(
  sleep: (ms: number) => Promise<void>,
  scripts: Step[][],
): { streamChat: StreamChat; calls: RelayCall[] } {
  const calls: RelayCall[] = [];
  async function* play(
    request: RelayChatRequest,
    options: RelayStreamOptions,
  ): AsyncGenerator<RelayStreamEvent> {
    const script = scripts[calls.length] ?? [];
    calls.push({ request, options });
    let sent = '';
    for (const step of script) {
      if (options.signal.aborted) throw abortedError(sent);
      if ('wait' in step) await sleep(step.wait);
      else if ('hang' in step) {
        await new Promise<void>((resolve) =>
          options.signal.addEventListener('abort', () => resolve(), { once: true }),
        );
      } else if ('usage' in step) {
        yield {
          type: 'usage',
          promptTokens: step.usage[0],
          completionTokens: step.usage[1],
          totalTokens: step.usage[0] + step.usage[1],
        };
      } else if ('done' in step) yield { type: 'done', finishReason: step.done };
      else if ('fail' in step) {
        const { kind, text, hint, partial } = step.fail;
        throw new FleeceError(kind, {
          text,
          ...(hint === undefined ? {} : { hint: coded(hint) }),
          ...(partial === undefined ? {} : { partial }),
        });
      } else {
        sent += step.content ?? '';
        yield { type: 'delta', ...step };
      }
    }
    if (options.signal.aborted) throw abortedError(sent);
  }
  return { streamChat: play, calls };
}

/** `text` as deltas of `size` characters, `gap` ms apart. */
export function trickle(text: string, size: number, gap: number): Step[] {
  const steps: Step[] = [];
  for (let i = 0; i < text.length; i += size)
    steps.push({ wait: gap }, { content: text.slice(i, i + size) });
  return steps;
}
