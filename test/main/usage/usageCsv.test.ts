import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvField } from '../../../src/main/usage/usageCsv';
import { UsageFixture } from './usageFixture';

/** A strict RFC 4180 reader: proves the file parses back to exactly what was written. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) throw new Error('the last line has no CRLF');
  return rows;
}

describe.each([
  ['one scan', false],
  ['index seeks', true],
])('CSV export (%s)', (_strategy, usageIndex) => {
  let f: UsageFixture;
  beforeEach(async () => {
    f = await UsageFixture.open({ usageIndex });
  });
  afterEach(() => f.close());

  it('escapes commas, quotes and newlines and keeps UTF-8 text intact', async () => {
    const weird = 'relay/"quoted", model\nv2';
    f.answer({
      at: Date.UTC(2025, 5, 1, 10),
      model: weird,
      profileId: 'p2',
      title: 'Tiết kiệm chi phí, 中转站 "API" 🎉',
      cost: 0.00000042,
      prompt: 12,
      completion: 1,
    });
    f.answer({
      at: Date.UTC(2025, 5, 2, 10),
      model: 'deepseek-chat',
      title: '=HYPERLINK("http://x")',
      cost: null,
      estimated: true,
    });
    f.answer({
      at: Date.UTC(2025, 5, 3, 10),
      model: 'gpt-4.1',
      profileId: null,
      status: 'error',
      prompt: null,
      completion: null,
      cost: null,
      ttftMs: null,
    });
    const { fileName, csv } = f.usage.exportCsv({
      from: '2025-06-01',
      to: '2025-07-01',
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    expect(fileName).toBe('fleece-usage-2025-06-01_2025-06-30.csv');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    // What reaches the disk is UTF-8: the Vietnamese, Chinese and emoji survive a byte round trip.
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)).toBe(csv);

    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([
      'time_local',
      'time_utc',
      'conversation',
      'model',
      'profile',
      'status',
      'prompt_tokens',
      'completion_tokens',
      'tokens_estimated',
      'cost_usd',
      'ttft_ms',
      'duration_ms',
    ]);
    expect(rows).toHaveLength(4);
    expect(rows[1]).toEqual([
      '2025-06-01 17:00:00',
      '2025-06-01T10:00:00.000Z',
      'Tiết kiệm chi phí, 中转站 "API" 🎉',
      weird,
      'Work, "main"',
      'complete',
      '12',
      '1',
      'no',
      '0.00000042',
      '300',
      '2300',
    ]);
    expect(rows[2]?.slice(2, 10)).toEqual([
      '\'=HYPERLINK("http://x")',
      'deepseek-chat',
      'HolySheep',
      'complete',
      '100',
      '200',
      'yes',
      '',
    ]);
    expect(rows[3]?.slice(3, 12)).toEqual(['gpt-4.1', '', 'error', '', '', '', '', '', '2300']);
  });

  it('adds the display currency at the user’s rate, next to USD', async () => {
    await f.usage.updateSettings({ currency: 'VND', rates: { VND: 25_000 } });
    f.answer({ at: Date.UTC(2025, 5, 1, 10), cost: 0.5 });
    const rows = parseCsv(
      f.usage.exportCsv({ from: '2025-06-01', to: '2025-06-02', timeZone: 'UTC' }).csv.slice(1),
    );
    expect(rows[0]?.slice(9, 11)).toEqual(['cost_usd', 'cost_vnd']);
    expect(rows[1]?.slice(9, 11)).toEqual(['0.5', '12500']);
  });

  it('exports an empty range as the header alone', () => {
    const { csv } = f.usage.exportCsv({ from: '2025-06-01', to: '2025-06-02', timeZone: 'UTC' });
    expect(parseCsv(csv.slice(1))).toHaveLength(1);
  });

  it('quotes only when needed and never writes a formula', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\r\nbreak')).toBe('"line\r\nbreak"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('+1 555')).toBe("'+1 555");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(null)).toBe('');
    expect(csvField(4.2e-7)).toBe('0.00000042');
    expect(csvField(1234)).toBe('1234');
  });
});
