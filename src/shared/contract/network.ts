import { z } from 'zod';
import { route } from './define';
import { networkPatchSchema, type NetworkState, type ProxyTestResult } from '../types/network';

export const networkRoutes = {
  /** The Network settings and whether a proxy password is stored (never the password). */
  'network.get': route<NetworkState>()(z.object({}).strict()),
  /** Saves and applies at once to every request main makes; the password goes to the keychain. */
  'network.update': route<NetworkState>()(networkPatchSchema),
  /** The way to the active relay under the saved settings: proxy or direct, status, time. */
  'network.test': route<ProxyTestResult>()(z.object({}).strict()),
};
