const errors = {
  relaySaid: 'The relay said:',
  action: {
    openKey: 'Open key settings',
    pickModel: 'Choose another model',
    continue: 'Continue',
    retry: 'Retry',
    retryIn: 'Retry in {{seconds}} s',
  },
  kind: {
    auth: {
      title: 'The relay refused the API key',
      body: 'The key is wrong, expired or meant for another service. Paste the key this relay gave you.',
    },
    model_not_found: {
      title: 'The relay does not offer this model',
      body: 'Relays use their own model names. Pick one from the relay’s model list.',
    },
    bad_request: {
      title: 'The relay rejected the request',
      body: 'Something in the request was not accepted. The relay’s own words are below.',
    },
    rate_limited: {
      title: 'Too many requests',
      body: 'The relay asked Fleece to slow down. You can retry when the countdown ends.',
    },
    server: {
      title: 'The relay had a problem',
      body: 'The relay or the model behind it failed. Retrying usually helps.',
    },
    network: {
      title: 'Could not reach the relay',
      body: 'Check your internet connection, proxy or VPN, then retry.',
    },
    timeout_connect: {
      title: 'The relay did not answer in time',
      body: 'No response arrived before the connect timeout. Retry, or raise the timeout in Settings.',
    },
    timeout_idle: {
      title: 'The answer stalled',
      body: 'Nothing arrived for too long, so Fleece stopped waiting. The text so far is kept; you can continue it.',
    },
    interrupted: {
      title: 'The answer was cut off',
      body: 'The stream ended before the model finished. The text so far is kept; you can continue it.',
    },
    protocol: {
      title: 'The relay sent something Fleece could not read',
      body: 'The stream was malformed. The text so far is kept. Retrying usually helps.',
    },
    aborted: {
      title: 'Stopped',
      body: 'The answer was stopped. The text so far is kept; you can continue it.',
    },
    timeout_first_byte: {
      title: 'The relay is slow to start answering',
      body: 'The relay took the request but no answer began in time. It was not sent again, so it is not billed twice. Nothing arrived, so there is nothing to keep; try again in a moment.',
    },
    no_answer: {
      title: 'No answer arrived',
      body: 'The connection ended before any text came, so there is nothing to keep. Try again.',
    },
    too_large: {
      title: 'The answer reached the size limit',
      body: 'Fleece stopped reading so a runaway answer cannot fill the memory or the disk. The text up to the limit is kept. You can raise the limit in Settings.',
    },
    too_long: {
      title: 'The answer reached the time limit',
      body: 'The answer took longer than the limit set in Settings, so Fleece stopped it. The text so far is kept; you can continue it.',
    },
    redirect_refused: {
      title: 'The relay sent the request elsewhere',
      body: 'The relay redirected the request to another address. Fleece does not send your conversation there. If the relay has moved, change the base URL in Settings.',
    },
    proxy: {
      title: 'The proxy stopped the request',
      body: 'The request went to the proxy set in Settings → Network, and it did not pass it on. Check the proxy settings, then retry.',
    },
  },
};
export default errors;
