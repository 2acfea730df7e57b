import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { profileFixture, type ProfileFixture } from './profileFixture';

describe('ProfileService and conversations', () => {
  let fx: ProfileFixture;
  beforeEach(async () => {
    fx = await profileFixture();
  });
  afterEach(() => fx.cleanup());

  it('a new conversation takes the active profile with its system prompt and temperature', async () => {
    expect(fx.profiles.newConversationDefaults()).toEqual({
      profileId: null,
      systemPrompt: null,
      temperature: null,
    });
    const p = await fx.profiles.create({
      preset: 'holysheep',
      systemPrompt: 'Answer in Vietnamese.',
      temperature: 0.4,
    });
    expect(fx.profiles.newConversationDefaults()).toEqual({
      profileId: p.id,
      systemPrompt: 'Answer in Vietnamese.',
      temperature: 0.4,
    });
  });

  it('a conversation keeps its profile while it exists, else uses the active one', async () => {
    const a = await fx.profiles.create({ preset: 'holysheep' });
    const b = await fx.profiles.create({ preset: 'ollama' });
    expect(fx.profiles.profileIdFor(b.id)).toBe(b.id);
    expect(fx.profiles.profileIdFor(null)).toBe(a.id);
    expect(fx.profiles.profileIdFor('deleted-profile')).toBe(a.id);
  });
});
