import { markdownToPlainText } from './plainText';

/**
 * Titles written by a model after a conversation's first answer: when to ask, what to ask, and
 * how to clean what comes back (models add quotes, "Title:", Markdown and full stops).
 */

/** Sent to the model: the title in the conversation's own language, nothing else. */
export const TITLE_INSTRUCTION =
  'Write a short title (at most 6 words) for the conversation below. Use the language the user ' +
  'wrote in. Reply with the title only: no quotes, no Markdown, no final punctuation.';

/** How much of the question and of the answer the title request carries. */
export const TITLE_SOURCE_CHARS = 1500;

/** Generated titles are short; a longer reply is cut at a word boundary near this. */
export const GENERATED_TITLE_MAX = 60;

export interface TitleFacts {
  /** The user renamed it: never replaced. */
  titleIsCustom: boolean;
  /** Settings → General → "Generate titles" (on unless switched off). */
  enabled: boolean;
}

type PathMessage = { role: string; status: string; content: string };

/**
 * A title is asked for once, when the first answer of the conversation has finished: the path
 * on screen is one question and one complete answer with text.
 */
export function titleWanted(facts: TitleFacts, path: readonly PathMessage[]): boolean {
  if (!facts.enabled || facts.titleIsCustom) return false;
  const [question, answer, ...rest] = path;
  return (
    rest.length === 0 &&
    question?.role === 'user' &&
    answer?.role === 'assistant' &&
    answer.status === 'complete' &&
    answer.content.trim() !== ''
  );
}

/** The request's messages: the instruction, then the start of the question and of the answer. */
export function titleMessages(
  question: string,
  answer: string,
): { role: 'system' | 'user'; content: string }[] {
  const cut = (s: string) =>
    s.length > TITLE_SOURCE_CHARS ? `${s.slice(0, TITLE_SOURCE_CHARS)}…` : s;
  return [
    { role: 'system', content: TITLE_INSTRUCTION },
    { role: 'user', content: `User:\n${cut(question)}\n\nAssistant:\n${cut(answer)}` },
  ];
}

const LABEL = /^(?:title|tiêu đề|标题|題目|标题是)\s*[:：]\s*/iu;
const QUOTES = /^["'“”‘’«»「」『』《》`*_]+|["'“”‘’«»「」『』《》`*_]+$/gu;
const END_PUNCTUATION = /[\s.。!！?？,，;；:：、…-]+$/u;

/**
 * What the model wrote, as a title: plain text (no Markdown), the first line that says
 * something, without a "Title:" label, quotes or final punctuation, at most about 60
 * characters. Empty when nothing usable came back.
 */
export function cleanGeneratedTitle(raw: string): string {
  const line =
    markdownToPlainText(raw)
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l !== '') ?? '';
  let title = line.replace(LABEL, '').replace(QUOTES, '').replace(END_PUNCTUATION, '').trim();
  title = title.replace(QUOTES, '').replace(/\s+/g, ' ').trim();
  if (title.length <= GENERATED_TITLE_MAX) return title;
  const head = title.slice(0, GENERATED_TITLE_MAX + 1);
  const space = head.lastIndexOf(' ');
  let cut = space >= GENERATED_TITLE_MAX / 2 ? space : GENERATED_TITLE_MAX;
  const code = title.charCodeAt(cut);
  if (code >= 0xdc00 && code <= 0xdfff) cut -= 1;
  return title.slice(0, cut).replace(END_PUNCTUATION, '') + '…';
}
