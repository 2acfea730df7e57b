import { describe, expect, it, vi } from 'vitest';
import { encodeFailureText } from '../../../src/shared/failureText';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { ErrorCard, actionFor } from '../../../src/renderer/src/components/chat/ErrorCard';
import { createI18n } from '../../../src/renderer/src/i18n';
import type { Message } from '../../../src/shared/types/history';
import { makeMessage } from '../messageFixture';

const base: Message = makeMessage('m', {
  status: 'error',
  model: null,
  errorKind: 'rate_limited',
  errorMessage: 'Too many requests: slow down.',
});

function show(over: Partial<Message>, props: Partial<Parameters<typeof ErrorCard>[0]> = {}) {
  const onAction = vi.fn();
  render(
    <I18nextProvider i18n={createI18n('en')}>
      <ErrorCard
        message={{ ...base, ...over }}
        retryAfterMs={null}
        hint={null}
        canContinue={false}
        canRetry
        onAction={onAction}
        {...props}
      />
    </I18nextProvider>,
  );
  return onAction;
}

describe('ErrorCard', () => {
  it.each([
    ['auth', 'openKey'],
    ['model_not_found', 'pickModel'],
    ['interrupted', 'continue'],
    ['rate_limited', 'retry'],
    ['network', 'retry'],
    ['timeout_connect', 'retry'],
    ['timeout_first_byte', 'retry'],
    ['no_answer', 'retry'],
    ['server', 'retry'],
  ] as const)('%s offers %s', (kind, action) => {
    expect(actionFor(kind)).toBe(action);
  });

  it('counts down before a rate-limited retry is allowed', () => {
    vi.useFakeTimers();
    try {
      const onAction = show({}, { retryAfterMs: 2000 });
      const button = screen.getByRole('button', { name: 'Retry in 2 s' });
      expect(button).toBeDisabled();
      act(() => vi.advanceTimersByTime(1000));
      expect(screen.getByRole('button', { name: 'Retry in 1 s' })).toBeDisabled();
      act(() => vi.advanceTimersByTime(1000));
      fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
      expect(onAction).toHaveBeenCalledWith('retry');
    } finally {
      vi.useRealTimers();
    }
  });

  it('an older failed answer offers no retry (it would replace what followed)', () => {
    show({ errorKind: 'network' }, { canRetry: false });
    expect(screen.getByRole('alert')).toHaveTextContent('Could not reach the relay');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('an interrupted answer without text offers a retry instead of continue', () => {
    const onAction = show({ errorKind: 'interrupted', status: 'error' }, { canContinue: false });
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onAction).toHaveBeenCalledWith('retry');
  });

  it('shows plain words and the relay’s message, never raw JSON', () => {
    show(
      {
        errorKind: 'auth',
        errorMessage: encodeFailureText({
          text: { code: 'relay_key_refused' },
          detail: 'Invalid API key',
        }),
      },
      { hint: { code: 'hint_key_openai_on_holysheep' } },
    );
    const card = screen.getByRole('alert');
    expect(card).toHaveTextContent('The relay refused the API key');
    // Main's sentence only restates the title: the relay's own words stand alone.
    expect(card.textContent?.split('refused the API key')).toHaveLength(2);
    expect(card).toHaveTextContent('The relay said: Invalid API key');
    expect(card).toHaveTextContent('This looks like an OpenAI key (sk-…).');
    expect(card.textContent).not.toMatch(/[{}<>]/);
  });

  it('a failure before any text says what happened and never that text is kept', () => {
    show({ errorKind: 'timeout_first_byte', errorMessage: null });
    expect(screen.getByRole('alert')).toHaveTextContent('The relay is slow to start answering');
    expect(screen.getByRole('alert')).not.toHaveTextContent(/kept|cut off/);
  });

  it('an answer that never started is not called cut off', () => {
    show({ errorKind: 'no_answer', errorMessage: null });
    expect(screen.getByRole('alert')).toHaveTextContent('No answer arrived');
    expect(screen.getByRole('alert')).not.toHaveTextContent(/kept|cut off/);
  });

  it.each(['too_large', 'too_long', 'redirect_refused'] as const)(
    "a %s failure is explained by the card alone, not by main's words",
    (kind) => {
      show(
        {
          errorKind: kind,
          errorMessage: encodeFailureText({
            text: { code: 'relay_answer_too_large', params: { mb: 4194304 } },
          }),
        },
        { hint: { code: 'hint_not_resent' } },
      );
      expect(screen.getByRole('alert')).toHaveAttribute('data-kind', kind);
      expect(screen.queryByText(/4194304/)).toBeNull();
      expect(screen.queryByText(/not billed twice/)).toBeNull();
    },
  );

  it('a size-limit card offers Continue when there is text', () => {
    show({ errorKind: 'too_large' }, { canContinue: true });
    expect(screen.getByText('The answer reached the size limit')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Continue' })).toBeInTheDocument();
  });
});
