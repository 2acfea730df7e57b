/// <reference types="vite/client" />
import type { FleeceBridge } from '../../shared/contract';

declare global {
  interface Window {
    readonly fleece: FleeceBridge;
  }
}
