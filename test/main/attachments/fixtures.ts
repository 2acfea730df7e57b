import { AttachmentFiles } from '../../../src/main/attachments/AttachmentFiles';
import { AttachmentService } from '../../../src/main/attachments/AttachmentService';
import type { HistoryStore } from '../../../src/main/history/HistoryStore';

/** The service over a real store and the real files folder beside it. */
export function attachmentService(store: HistoryStore, maxImageSide = 2048) {
  const files = new AttachmentFiles(store.attachmentsDir);
  const service = new AttachmentService({
    history: store,
    files,
    maxImageSide: () => maxImageSide,
  });
  store.onPurged(() => service.collectGarbage());
  return { files, service };
}
