import type { ModelList } from '../../../../shared/contract/models';
import type { ModelRef, Profile } from '../../../../shared/types/profiles';
import type { PriceEntry } from '../../../../shared/types/usage';
import { findPrice, modelInfo, type ModelInfo } from '../../../../shared/rules/modelInfo';
import { matchingModels, queryWords } from './modelOptions';

export interface ModelRow extends ModelRef {
  profileName: string;
  pinned: boolean;
  info: ModelInfo;
  price: PriceEntry | null;
}

export interface ModelGroup {
  /** 'pinned', 'recent', or the profile's id. */
  key: string;
  kind: 'pinned' | 'recent' | 'profile';
  /** The profile's name for a profile group. */
  title: string;
  rows: ModelRow[];
  /** Matching models left out of a long list; the user narrows it by typing. */
  hidden: number;
  /** The profile's list, when one was asked for (a profile group). */
  list?: ModelList | undefined;
}

export interface ModelChoicesInput {
  profiles: readonly Profile[];
  lists: Readonly<Record<string, ModelList | undefined>>;
  pinned: readonly ModelRef[];
  recent: readonly ModelRef[];
  prices: readonly PriceEntry[];
  query: string;
}

/**
 * True when every word typed is in the model's name or its profile's name (any order, any
 * case): "local qwen" finds `qwen3:8b` of the profile "Local".
 */
export function matchesQuery(query: string, model: string, profileName: string): boolean {
  const words = queryWords(query);
  if (words.length === 0) return true;
  const hay = `${model} ${profileName}`.toLowerCase();
  return words.every((w) => hay.includes(w));
}

/**
 * The picker's rows: pinned models, then recent ones, then every profile's list under its name.
 * A pinned or recent model of a removed profile is left out; a long list is capped
 * (`MAX_MODEL_OPTIONS` rows per profile, the rest counted).
 */
export function buildModelGroups(input: ModelChoicesInput): ModelGroup[] {
  const byId = new Map(input.profiles.map((p) => [p.id, p]));
  const pinnedKeys = new Set(input.pinned.map(refKey));
  const row = (ref: ModelRef, profile: Profile): ModelRow => ({
    profileId: ref.profileId,
    model: ref.model,
    profileName: profile.name,
    pinned: pinnedKeys.has(refKey(ref)),
    info: modelInfo(ref.model),
    price: findPrice(input.prices, ref.model),
  });
  const refRows = (refs: readonly ModelRef[]): ModelRow[] =>
    refs.flatMap((ref) => {
      const profile = byId.get(ref.profileId);
      return profile && matchesQuery(input.query, ref.model, profile.name)
        ? [row(ref, profile)]
        : [];
    });

  const groups: ModelGroup[] = [];
  const pinnedRows = refRows(input.pinned);
  if (pinnedRows.length > 0)
    groups.push({ key: 'pinned', kind: 'pinned', title: '', rows: pinnedRows, hidden: 0 });
  const recentRows = refRows(input.recent.filter((r) => !pinnedKeys.has(refKey(r))));
  if (recentRows.length > 0)
    groups.push({ key: 'recent', kind: 'recent', title: '', rows: recentRows, hidden: 0 });
  for (const profile of input.profiles) {
    const list = input.lists[profile.id];
    const { shown, hidden } = matchingModels(list?.models ?? [], profile.name, input.query);
    groups.push({
      key: profile.id,
      kind: 'profile',
      title: profile.name,
      rows: shown.map((model) => row({ profileId: profile.id, model }, profile)),
      hidden,
      list,
    });
  }
  return groups;
}

export function refKey(ref: ModelRef): string {
  return `${ref.profileId}|${ref.model}`;
}
