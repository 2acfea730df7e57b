import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Command } from 'cmdk';
import { Columns3, RefreshCw, Search, Square } from 'lucide-react';
import { useAppStore, useClient, useStoreApi } from '../../store/StoreContext';
import { chooseModel, sameRef, togglePin, type ModelChoice } from '../../store/modelChoice';
import { Button } from '../../ui/Button';
import { ModelItem } from './ModelItem';
import { IconButton } from '../../ui/IconButton';
import type { ModelRef } from '../../../../shared/types/profiles';
import { buildModelGroups, refKey, type ModelGroup, type ModelRow } from './modelChoices';
import { COMPARE_MAX_TARGETS } from '../../../../shared/types/compare';
import { useCompareTargets } from './ModelPicker';

const NO_TARGETS: ModelRef[] = [];

/**
 * The open picker: a searchable list (cmdk) of every profile's models, pinned and recent first,
 * and the comparison's choices. Loaded with the picker's first opening.
 */
export function ModelMenu(props: { choice: ModelChoice; onPicked: () => void }) {
  const { t } = useTranslation('chat');
  const store = useStoreApi();
  const client = useClient();
  const profiles = useAppStore((s) => s.profiles);
  const lists = useAppStore((s) => s.models);
  const pinned = useAppStore((s) => s.preferences?.pinnedModels);
  const recent = useAppStore((s) => s.preferences?.recentModels);
  const prices = useAppStore((s) => s.usage.settings?.prices);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState('');
  const [refreshing, setRefreshing] = useState(false);
  const { key: draftKey, targets } = useCompareTargets();
  const comparing = targets !== null;
  const chosen = targets ?? NO_TARGETS;
  const full = chosen.length >= COMPARE_MAX_TARGETS;
  const isChosen = (ref: ModelRef): boolean => chosen.some((r) => sameRef(r, ref));
  const setMode = (compareMode: boolean): void => {
    const ui = store.getState().ui;
    if (!compareMode) return ui.setCompareTargets(draftKey, null);
    if (comparing) return;
    const current = props.choice;
    // The model in use is the first one compared.
    ui.setCompareTargets(
      draftKey,
      current.profileId && current.model && !current.missing
        ? [{ profileId: current.profileId, model: current.model }]
        : [],
    );
  };

  useEffect(() => {
    for (const p of profiles)
      if (!lists[p.id]) void store.getState().settingsActions.loadModels(p.id);
  }, [profiles, lists, store]);
  // Prices come from the price table (Settings → Models & prices), loaded once if not yet.
  useEffect(() => {
    if (prices) return;
    void client.call('usage.settings.get', {}).then((res) => {
      if (res.ok) store.setState((s) => ({ usage: { ...s.usage, settings: res.data } }));
    });
  }, [prices, store, client]);

  const groups = useMemo(
    () =>
      buildModelGroups({
        profiles,
        lists,
        pinned: pinned ?? [],
        recent: recent ?? [],
        prices: prices ?? [],
        query,
      }),
    [profiles, lists, pinned, recent, prices, query],
  );
  const rowsByValue = useMemo(() => {
    const map = new Map<string, ModelRow>();
    for (const g of groups) for (const r of g.rows) map.set(itemValue(g, r), r);
    return map;
  }, [groups]);

  const typed = query.trim();
  const typedProfileId = props.choice.profileId ?? profiles[0]?.id;
  const typedProfile = profiles.find((p) => p.id === typedProfileId);
  const offerTyped =
    typed !== '' &&
    typedProfile !== undefined &&
    !(lists[typedProfile.id]?.models ?? []).includes(typed);

  const pick = (ref: ModelRef): void => {
    if (comparing) {
      const next = isChosen(ref)
        ? chosen.filter((r) => !sameRef(r, ref))
        : full
          ? chosen
          : [...chosen, { profileId: ref.profileId, model: ref.model }];
      store.getState().ui.setCompareTargets(draftKey, next);
      return;
    }
    props.onPicked();
    void chooseModel(store, ref);
  };
  const refresh = async (): Promise<void> => {
    setRefreshing(true);
    try {
      await Promise.all(
        profiles.map((p) => store.getState().settingsActions.loadModels(p.id, true)),
      );
    } finally {
      setRefreshing(false);
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    // Alt+P pins or unpins the highlighted model (the mouse uses the pin in the row).
    if (e.altKey && e.code === 'KeyP') {
      const row = rowsByValue.get(selected);
      if (!row) return;
      e.preventDefault();
      void togglePin(store, row);
    }
  };
  const current = props.choice;
  const many = profiles.length > 1;

  return (
    <Command
      label={t('model.search')}
      shouldFilter={false}
      loop
      vimBindings={false}
      value={selected}
      onValueChange={setSelected}
      onKeyDown={onKeyDown}
      className="model-menu"
    >
      <div className="model-search">
        <Search size={16} aria-hidden="true" />
        <Command.Input
          value={query}
          onValueChange={setQuery}
          placeholder={t('model.searchPlaceholder')}
        />
        <IconButton
          label={t('model.refresh')}
          icon={<RefreshCw size={15} aria-hidden="true" className={refreshing ? 'spin' : ''} />}
          size="sm"
          disabled={refreshing || profiles.length === 0}
          onClick={() => void refresh()}
        />
      </div>
      <div className="model-mode">
        <div className="model-mode-switch">
          <button type="button" aria-pressed={!comparing} onClick={() => setMode(false)}>
            <Square size={13} aria-hidden="true" />
            {t('compare.single')}
          </button>
          <button type="button" aria-pressed={comparing} onClick={() => setMode(true)}>
            <Columns3 size={13} aria-hidden="true" />
            {t('compare.toggle')}
          </button>
        </div>
        {comparing ? (
          <span
            className="model-mode-count"
            role="status"
            data-testid="compare-count"
            data-full={full || undefined}
          >
            {full
              ? t('compare.limit', { max: COMPARE_MAX_TARGETS })
              : t('compare.counter', { count: chosen.length, max: COMPARE_MAX_TARGETS })}
          </span>
        ) : null}
      </div>
      <Command.List label={t('model.listLabel')} className="model-list">
        {profiles.length === 0 ? <p className="model-group-note">{t('model.noProfile')}</p> : null}
        {groups.map((g) =>
          query !== '' && g.rows.length === 0 ? null : (
            <Command.Group key={g.key} value={g.key} heading={<GroupHeading group={g} />}>
              {g.rows.map((r) => (
                <ModelItem
                  key={itemValue(g, r)}
                  value={itemValue(g, r)}
                  row={r}
                  current={r.profileId === current.profileId && r.model === current.model}
                  showProfile={many && g.kind !== 'profile'}
                  onPick={() => pick(r)}
                  compare={
                    comparing ? { chosen: isChosen(r), disabled: full && !isChosen(r) } : undefined
                  }
                />
              ))}
              {g.kind === 'profile' ? <GroupNote group={g} /> : null}
            </Command.Group>
          ),
        )}
        {offerTyped ? (
          <Command.Item
            value={`typed|${typed}`}
            className="model-row model-row-typed"
            onSelect={() => pick({ profileId: typedProfile.id, model: typed })}
            disabled={full && !isChosen({ profileId: typedProfile.id, model: typed })}
          >
            {many
              ? t('model.useTypedWith', { model: typed, profile: typedProfile.name })
              : t('model.useTyped', { model: typed })}
          </Command.Item>
        ) : null}
        <Command.Empty className="model-group-note">{t('model.noMatch')}</Command.Empty>
      </Command.List>
      {comparing ? (
        <div className="model-menu-foot">
          <p className="model-menu-hint" aria-hidden="true">
            {t('compare.keysHint')}
          </p>
          <Button size="sm" variant="primary" onClick={props.onPicked}>
            {t('compare.done')}
          </Button>
        </div>
      ) : (
        <p className="model-menu-hint" aria-hidden="true">
          {t('model.keysHint')}
        </p>
      )}
    </Command>
  );
}

function GroupHeading({ group }: { group: ModelGroup }) {
  const { t } = useTranslation('chat');
  if (group.kind === 'pinned') return <>{t('model.pinned')}</>;
  if (group.kind === 'recent') return <>{t('model.recent')}</>;
  return (
    <span className="model-group-title">
      <span>{group.title}</span>
      {group.list?.fromCache && group.list.error ? (
        <span className="model-group-flag">{t('model.savedList')}</span>
      ) : null}
    </span>
  );
}

function GroupNote({ group }: { group: ModelGroup }) {
  const { t, i18n } = useTranslation('chat');
  if (group.hidden > 0)
    return (
      <p className="model-group-note" role="status" data-testid="model-options-hidden">
        {t('model.moreHidden', { number: group.hidden.toLocaleString(i18n.language) })}
      </p>
    );
  if (group.rows.length > 0) return null;
  if (!group.list) return <p className="model-group-note">{t('model.loading')}</p>;
  return (
    <p className="model-group-note">
      {group.list.error ? t('model.listFailed') : t('model.emptyList')}
    </p>
  );
}

function itemValue(group: ModelGroup, row: ModelRow): string {
  return `${group.key}|${refKey(row)}`;
}
