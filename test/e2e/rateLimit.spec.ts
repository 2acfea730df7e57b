import { errorResponse, textToTokens, tokensScript } from '../fixtures/fake-relay';
import { chatRequests, expect, lastAssistant, sendMessage, setUpProfile, test } from './fixtures';

const ANSWER = 'Xin chào, tôi có thể giúp gì?';

test('a 429 with Retry-After shows a countdown, then the answer arrives', async ({
  app,
  relay,
}) => {
  await setUpProfile(app, relay);
  relay.enqueue(
    errorResponse(429, 'Rate limit reached', { headers: { 'retry-after': '2' } }),
    tokensScript(textToTokens(ANSWER)),
  );
  await sendMessage(app, 'Chào');
  // The countdown, then "retrying now" until the text comes.
  const countdown = lastAssistant(app).locator(
    '[data-testid="retry-countdown"][data-code="rate_limited"]',
  );
  await expect(countdown).toContainText(/Rate limited — retrying (in [12] s|now)/);
  await expect(countdown.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete', { timeout: 30_000 });
  await expect(lastAssistant(app)).toContainText(ANSWER);
  await expect(countdown).toHaveCount(0);
  expect(chatRequests(relay)).toHaveLength(2);
});

test('Cancel during the wait stops the answer without retrying', async ({ app, relay }) => {
  await setUpProfile(app, relay);
  relay.enqueue(
    errorResponse(429, 'Rate limit reached', { headers: { 'retry-after': '30' } }),
    tokensScript(textToTokens(ANSWER)),
  );
  await sendMessage(app, 'Chào');
  const countdown = lastAssistant(app).getByTestId('retry-countdown');
  await expect(countdown).toContainText(/Rate limited — retrying in \d+ s/);
  await countdown.getByRole('button', { name: 'Cancel' }).click();
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'stopped');
  await expect(countdown).toHaveCount(0);
  expect(chatRequests(relay)).toHaveLength(1);
});
