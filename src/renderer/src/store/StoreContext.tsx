import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from './index';
import type { FleeceClient } from '../api/client';

const StoreCtx = createContext<{ store: AppStore; client: FleeceClient } | null>(null);

export function StoreProvider(props: {
  store: AppStore;
  client: FleeceClient;
  children: ReactNode;
}) {
  return (
    <StoreCtx.Provider value={{ store: props.store, client: props.client }}>
      {props.children}
    </StoreCtx.Provider>
  );
}

function useCtx() {
  const ctx = useContext(StoreCtx);
  if (!ctx) throw new Error('StoreProvider is missing');
  return ctx;
}

/** Select narrowly: components re-render only when their selection changes. */
export function useAppStore<T>(selector: (s: AppState) => T): T {
  return useStore(useCtx().store, selector);
}

export function useStoreApi(): AppStore {
  return useCtx().store;
}

export function useClient(): FleeceClient {
  return useCtx().client;
}
