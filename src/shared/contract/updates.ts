import { z } from 'zod';
import { event, route } from './define';
import type { UpdateState } from '../types/updates';

export const updateRoutes = {
  /** The update settings, the running version and where the updater stands. */
  'updates.get': route<UpdateState>()(z.object({}).strict()),
  /** Saves the feed (https, or http on loopback; empty = the feed the package was built with). */
  'updates.set': route<UpdateState>()(
    z
      .object({ feedUrl: z.string().max(2000).optional(), checkOnStart: z.boolean().optional() })
      .strict(),
  ),
  /** Checks now; a newer version downloads in the background and `app.notice` says when ready. */
  'updates.check': route<UpdateState>()(z.object({}).strict()),
  /** Quits and installs the downloaded update. */
  'updates.restart': route<{ restarting: true }>()(z.object({}).strict()),
};

export const updateEvents = {
  'updates.status': event<UpdateState>(),
};
