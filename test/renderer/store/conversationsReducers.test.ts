import { describe, expect, it } from 'vitest';
import {
  groupConversations,
  upsertConversation,
} from '../../../src/renderer/src/store/conversationsReducers';
import { sortConversations } from '../../../src/shared/rules/conversationOrder';
import type { Conversation } from '../../../src/shared/types/history';

function conv(id: string, updatedAt: number, pinned = false): Conversation {
  return {
    id,
    title: id,
    titleIsCustom: false,
    pinned,
    createdAt: 0,
    updatedAt,
    deletedAt: null,
    model: null,
    profileId: null,
    systemPrompt: null,
    temperature: null,
    contextTurns: null,
  };
}

describe('conversation reducers', () => {
  it('sorts pinned first, then by last activity', () => {
    const list = sortConversations([conv('a', 1), conv('b', 3), conv('p', 0, true), conv('c', 2)]);
    expect(list.map((c) => c.id)).toEqual(['p', 'b', 'c', 'a']);
  });

  it('upserts a changed conversation into place and removes deleted ones', () => {
    const list = [conv('a', 2), conv('b', 1)];
    expect(upsertConversation(list, conv('b', 5), 'b', false).map((c) => c.id)).toEqual(['b', 'a']);
    expect(upsertConversation(list, null, 'a', true).map((c) => c.id)).toEqual(['b']);
    expect(
      upsertConversation(list, { ...conv('a', 9), deletedAt: 9 }, 'a', false).map((c) => c.id),
    ).toEqual(['b']);
  });

  it('groups by local calendar day: today, yesterday, previous 7 days, older', () => {
    const now = new Date(2026, 10, 27, 15, 0).getTime();
    const at = (d: number, h: number) => new Date(2026, 10, d, h).getTime();
    const groups = groupConversations(
      [
        conv('t', at(27, 1)),
        conv('y', at(26, 23)),
        conv('w', at(21, 12)),
        conv('o', at(1, 12)),
        conv('p', at(1, 1), true),
      ],
      now,
    );
    expect(groups.map((g) => [g.group, g.items.map((c) => c.id)])).toEqual([
      ['pinned', ['p']],
      ['today', ['t']],
      ['yesterday', ['y']],
      ['week', ['w']],
      ['older', ['o']],
    ]);
  });
});
