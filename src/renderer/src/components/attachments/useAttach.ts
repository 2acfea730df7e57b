import { useCallback, useRef } from 'react';
import { useClient, useStoreApi } from '../../store/StoreContext';
import { addFiles } from './addFiles';
import type { CodedText } from '../../../../shared/codes';

/**
 * Attaching to a draft: files from the window (input, drop, paste) or from the app's own file
 * dialog. Refusals show as one toast (the first reason; a batch cut by the count says so first).
 * Nothing typed is touched.
 */
export function useAttach(draftKey: string): {
  attach(files: readonly File[]): Promise<void>;
  pick(openInput: () => void): Promise<void>;
} {
  const client = useClient();
  const store = useStoreApi();
  // Batches run one after another, so two quick drops cannot both pass the count check.
  const queue = useRef<Promise<void>>(Promise.resolve());

  const report = useCallback(
    (refused: readonly CodedText[]) => {
      const first = refused[0];
      if (first) store.getState().ui.showToast({ code: 'bad_request', text: first });
    },
    [store],
  );

  const attach = useCallback(
    (files: readonly File[]) => {
      const run = queue.current.then(async () => {
        if (files.length === 0) return;
        const existing = store.getState().attachmentDrafts[draftKey] ?? [];
        const { added, refused } = await addFiles(client, existing, files);
        const now = store.getState().attachmentDrafts[draftKey] ?? [];
        if (added.length > 0) store.getState().ui.setAttachments(draftKey, [...now, ...added]);
        report(refused);
      });
      queue.current = run.catch(() => undefined);
      return run;
    },
    [client, store, draftKey, report],
  );

  const pick = useCallback(
    async (openInput: () => void) => {
      const res = await client.call('attachments.pick', {});
      if (!res.ok) return report([res.error.text]);
      if (!res.data.picker) return openInput();
      const now = store.getState().attachmentDrafts[draftKey] ?? [];
      const fresh = res.data.added.filter((a) => !now.some((b) => b.hash === a.hash));
      if (fresh.length > 0) store.getState().ui.setAttachments(draftKey, [...now, ...fresh]);
      report(res.data.failed.map((f) => f.reason));
    },
    [client, store, draftKey, report],
  );

  return { attach, pick };
}
