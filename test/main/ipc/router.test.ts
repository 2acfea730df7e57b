import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRouter, createSenderPolicy, type Sender } from '../../../src/main/ipc/router';
import { FleeceError } from '../../../src/main/errors/FleeceError';
import { coded } from '../../../src/shared/codes';
import type { Handlers } from '../../../src/shared/contract';
import { routes } from '../../../src/shared/contract';

const ORIGIN = 'http://127.0.0.1:4000';
const trusted: Sender = { origin: ORIGIN, url: `${ORIGIN}/`, isMainFrame: true, windowId: 1 };
const policy = createSenderPolicy({
  isOurWindow: (id) => id === 1,
  isOurDocument: (_url, origin) => origin === ORIGIN,
});

function makeHandlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'app.info': () => ({
      name: 'Fleece',
      version: '1',
      platform: 'linux',
      dataDir: '/d',
      notices: [],
    }),
    'app.openExternal': () => ({ opened: true as const }),
    ...overrides,
  } as Handlers;
}

function makeRouter(overrides: Partial<Handlers> = {}) {
  const logged: unknown[] = [];
  const router = createRouter(makeHandlers(overrides), policy, {
    error: (_m, e) => logged.push(e),
  });
  return { router, logged };
}

describe('router', () => {
  it('dispatches a valid call from our window to its handler', async () => {
    const { router } = makeRouter();
    const res = await router.dispatch(trusted, 'app.info', {});
    expect(res).toEqual({
      ok: true,
      data: { name: 'Fleece', version: '1', platform: 'linux', dataDir: '/d', notices: [] },
    });
  });

  it.each([
    ['a sub-frame', { ...trusted, isMainFrame: false }],
    ['another window', { ...trusted, windowId: 2 }],
    [
      'a foreign origin',
      { ...trusted, origin: 'https://evil.example', url: 'https://evil.example/' },
    ],
  ])('refuses %s with forbidden_sender before looking at the route', async (_name, sender) => {
    let called = false;
    const { router } = makeRouter({
      'app.info': () => {
        called = true;
        return { name: '', version: '', platform: '', dataDir: '', notices: [] };
      },
    });
    const res = await router.dispatch(sender, 'app.info', {});
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('forbidden_sender');
    expect(called).toBe(false);
  });

  it.each([['no.such.route'], [42], [undefined], ['__proto__'], ['toString']])(
    'refuses unknown route %s with unknown_route',
    async (route) => {
      const { router } = makeRouter();
      const res = await router.dispatch(trusted, route, {});
      expect(res).toEqual({
        ok: false,
        error: { code: 'unknown_route', text: { code: 'unknown_route' } },
      });
    },
  );

  it('refuses input that fails the schema with invalid_input naming the field', async () => {
    const { router } = makeRouter();
    const res = await router.dispatch(trusted, 'app.openExternal', { url: 12 });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('invalid_input');
      expect(res.error.text.params?.['where']).toBe('url');
    }
  });

  it('refuses unexpected extra fields (strict schemas)', async () => {
    const { router } = makeRouter();
    const res = await router.dispatch(trusted, 'app.info', { sneaky: true });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('invalid_input');
  });

  it('turns an unexpected exception into internal without message or stack', async () => {
    const { router, logged } = makeRouter({
      'app.info': () => {
        throw new Error('SQLITE_CORRUPT at /home/me/secret/path');
      },
    });
    const res = await router.dispatch(trusted, 'app.info', {});
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('internal');
      expect(JSON.stringify(res.error)).not.toMatch(/SQLITE_CORRUPT|secret|at .*\.ts/);
    }
    expect(logged).toHaveLength(1);
  });

  it('passes a service error through with its code, text and hint', async () => {
    const { router, logged } = makeRouter({
      'app.openExternal': () => {
        throw new FleeceError('link_refused', {
          text: 'link_protocol',
          params: { protocol: 'file:' },
          hint: coded('hint_check_base_url'),
        });
      },
    });
    const res = await router.dispatch(trusted, 'app.openExternal', { url: 'file:///etc/passwd' });
    expect(res).toEqual({
      ok: false,
      error: {
        code: 'link_refused',
        text: { code: 'link_protocol', params: { protocol: 'file:' } },
        hint: { code: 'hint_check_base_url' },
      },
    });
    expect(logged).toHaveLength(0);
  });

  it('awaits async handlers and rejects become errors too', async () => {
    const { router } = makeRouter({
      'app.openExternal': async () => {
        await new Promise((r) => setTimeout(r, 5));
        throw new TypeError('boom');
      },
    });
    const res = await router.dispatch(trusted, 'app.openExternal', { url: 'https://a.b' });
    expect(res.ok === false && res.error.code).toBe('internal');
  });
});

describe('contract', () => {
  it('declares every route with a zod input schema', () => {
    for (const [name, def] of Object.entries(routes)) {
      expect(def.input, name).toBeInstanceOf(z.ZodType);
    }
  });
});

describe('errors from services', () => {
  it('exposes relay, history and chat errors by their stable code', async () => {
    const { toAppError } = await import('../../../src/main/errors/FleeceError');
    expect(
      toAppError(
        new FleeceError('auth', {
          text: 'relay_key_refused',
          detail: 'Invalid API key',
          hint: coded('hint_key_openai_on_holysheep'),
        }),
      ),
    ).toEqual({
      code: 'auth',
      text: { code: 'relay_key_refused' },
      detail: 'Invalid API key',
      hint: { code: 'hint_key_openai_on_holysheep' },
    });
    expect(toAppError(new FleeceError('not_found', { text: 'message_gone' }))).toEqual({
      code: 'not_found',
      text: { code: 'message_gone' },
    });
    expect(toAppError(new FleeceError('bad_request', { text: 'message_empty' }))).toEqual({
      code: 'bad_request',
      text: { code: 'message_empty' },
    });
    const impostor = new Error('secret detail');
    impostor.name = 'TypeError';
    expect(toAppError(Object.assign(impostor, { code: 'x' })).code).toBe('internal');
  });
});
