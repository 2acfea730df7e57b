import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkForSave } from '../../../src/main/relay/save-check';
import { startFakeRelay, type FakeRelay } from '../../fixtures/fake-relay';
import { closedPort } from './helpers';

let relay: FakeRelay;
beforeAll(async () => {
  relay = await startFakeRelay({ apiKey: 'hsa-good', models: ['deepseek-chat', 'gpt-4o'] });
});
afterAll(() => relay.close());
beforeEach(() => relay.reset());

describe('checkForSave', () => {
  it('passes a working base URL and key, asking only for the model list', async () => {
    const result = await checkForSave({ baseUrl: relay.baseUrl, apiKey: 'hsa-good' });
    expect(result).toEqual({ baseUrl: relay.baseUrl, modelCount: 2, problems: [] });
    expect(relay.requests.map((r) => r.path)).toEqual(['/v1/models']);
  });

  it('puts a refused key on the key field', async () => {
    const result = await checkForSave({ baseUrl: relay.baseUrl, apiKey: 'hsa-wrong' });
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ field: 'apiKey', kind: 'auth' });
    expect(JSON.stringify(result)).not.toContain('hsa-wrong');
  });

  it('finds the API one /v1 further down and offers that URL', async () => {
    const result = await checkForSave({ baseUrl: relay.origin, apiKey: 'hsa-good' });
    expect(result.problems).toEqual([
      {
        field: 'baseUrl',
        kind: 'missing_v1',
        text: { code: 'check_missing_v1', params: { url: `${relay.origin}/v1` } },
        fixBaseUrl: `${relay.origin}/v1`,
      },
    ]);
    expect(relay.requests.map((r) => r.path)).toEqual(['/models', '/v1/models']);
  });

  it('offers the /v1 fix and names the wrong key when both are wrong', async () => {
    const result = await checkForSave({ baseUrl: relay.origin, apiKey: 'hsa-wrong' });
    expect(result.problems.map((p) => [p.field, p.kind])).toEqual([
      ['baseUrl', 'missing_v1'],
      ['apiKey', 'auth'],
    ]);
  });

  it('says a page that is not the API when /v1 does not help either', async () => {
    const result = await checkForSave({ baseUrl: `${relay.origin}/nothing`, apiKey: 'hsa-good' });
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ field: 'baseUrl', kind: 'not_api' });
  });

  it('says an unreachable host is unreachable, on the base URL field', async () => {
    const port = await closedPort();
    const result = await checkForSave({ baseUrl: `http://127.0.0.1:${port}/v1`, apiKey: 'k' });
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ field: 'baseUrl', kind: 'unreachable' });
  });
});
