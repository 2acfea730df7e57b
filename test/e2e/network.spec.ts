import { startTinyproxy } from '../fixtures/tinyproxy';
import { textToTokens, tokensScript } from '../fixtures/fake-relay';
import { chatRequests, expect, lastAssistant, sendMessage, setUpProfile, test } from './fixtures';

test('a manual proxy from Settings → Network: the 407 card, then the password, then the chat streams through tinyproxy', async ({
  app,
  relay,
}) => {
  // Two chats, two settings visits and a real proxy process: more steps than the default allows.
  test.setTimeout(180_000);
  const proxy = await startTinyproxy({ user: 'fleece', password: 'S3cret-pass' });
  try {
    await setUpProfile(app, relay);
    await app.getByRole('button', { name: 'Settings', exact: true }).click();
    await app.getByRole('tab', { name: 'Network' }).click();
    await app.getByRole('combobox', { name: 'Proxy', exact: true }).selectOption('manual');
    await app.getByLabel('Proxy host').fill(proxy.host);
    await app.getByLabel('Proxy port').fill(String(proxy.port));
    // The fake relay is on loopback, which goes direct by default.
    await app.getByLabel('Go direct for (bypass list)').fill('');
    await app.getByRole('button', { name: 'Apply' }).click();
    await expect(app.getByTestId('network-status')).toHaveText(/Applied/);

    // No credentials yet: the proxy answers 407, and the chat shows the proxy's own card.
    await app.getByRole('button', { name: 'New chat' }).click();
    await sendMessage(app, 'Xin chào');
    const card = lastAssistant(app).getByTestId('error-card');
    await expect(card).toHaveAttribute('data-kind', 'proxy');
    await expect(card).toContainText('The proxy stopped the request');
    await expect(card).toContainText('The proxy refused the user name or password (407).');
    expect(chatRequests(relay)).toHaveLength(0);

    await app.getByRole('button', { name: 'Settings', exact: true }).click();
    await app.getByRole('tab', { name: 'Network' }).click();
    await app.getByLabel('Proxy user name (optional)').fill('fleece');
    await app.getByLabel('Proxy password (optional)').fill('S3cret-pass');
    await app.getByRole('button', { name: 'Apply' }).click();
    await expect(app.getByTestId('network-status')).toHaveText(/Applied/);
    await app.getByRole('button', { name: 'Test', exact: true }).click();
    await expect(app.getByTestId('network-status')).toHaveText(
      new RegExp(
        `Fleece → proxy 127\\.0\\.0\\.1:${proxy.port} → 127\\.0\\.0\\.1:${relay.port}: answered 200 in \\d+ ms`,
      ),
    );

    relay.enqueue(tokensScript(textToTokens('Đã qua proxy. 已通过代理。'), { delayMs: 10 }));
    await app.getByRole('button', { name: 'New chat' }).click();
    await sendMessage(app, 'Xin chào lần nữa');
    await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete');
    await expect(lastAssistant(app)).toContainText('Đã qua proxy. 已通过代理。');
    const logged = proxy.requests();
    console.log(`--- tinyproxy log (e2e) ---\n${logged.join('\n')}`);
    expect(logged.filter((l) => l.includes('POST http://127.0.0.1'))).toHaveLength(2);
    expect(logged.filter((l) => l.includes('/v1/models'))).not.toHaveLength(0);
  } finally {
    await proxy.close();
  }
});
