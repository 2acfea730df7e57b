import { copyFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HandlersFor } from '../../shared/contract';
import type { AttachmentFailure, attachmentRoutes } from '../../shared/contract/attachments';
import type { AttachmentRef } from '../../shared/attachment';
import type { AttachmentService } from '../attachments/AttachmentService';
import type { AttachmentFiles } from '../attachments/AttachmentFiles';
import { cleanName } from '../attachments/inspectFile';
import { isFleeceError } from '../errors/FleeceError';
import { coded } from '../../shared/codes';
import { ATTACHMENT_MAX_COUNT } from '../../shared/rules/attachmentLimits';

export interface AttachmentRouteDeps {
  attachments: AttachmentService;
  files: AttachmentFiles;
  /** The app's file dialog (several files); absent where there is none (the browser harness). */
  chooseAttachmentPaths?: () => Promise<string[] | null>;
  chooseSavePath: (defaultName: string) => Promise<string | null>;
  /** Opens a file with the system's app for its type. */
  openPath: (path: string) => Promise<void>;
}

export function attachmentHandlers(
  deps: AttachmentRouteDeps,
): HandlersFor<typeof attachmentRoutes> {
  const { attachments, files } = deps;
  return {
    'attachments.add': ({ name, data }) => attachments.add(name, Buffer.from(data, 'base64')),
    'attachments.pick': async () => {
      if (!deps.chooseAttachmentPaths) return { picker: false, added: [], failed: [] };
      const paths = (await deps.chooseAttachmentPaths()) ?? [];
      const added: AttachmentRef[] = [];
      const failed: AttachmentFailure[] = [];
      if (paths.length > ATTACHMENT_MAX_COUNT)
        failed.push({
          name: '',
          reason: coded('attachment_too_many', { max: ATTACHMENT_MAX_COUNT, count: paths.length }),
        });
      for (const path of paths.slice(0, ATTACHMENT_MAX_COUNT)) {
        try {
          added.push(await attachments.addPath(path));
        } catch (error) {
          const name = cleanName(path);
          failed.push({
            name,
            reason: isFleeceError(error) ? error.text : coded('attachment_unreadable', { name }),
          });
        }
      }
      return { picker: true, added, failed };
    },
    'attachments.read': async ({ hash, variant }) => {
      const { mime, data } = await attachments.read(hash, variant);
      return { mime, data: data.toString('base64') };
    },
    'attachments.saveAs': async ({ hash, name }) => {
      await attachments.read(hash, 'full'); // refuses a file that is gone, with its reason
      const path = await deps.chooseSavePath(cleanName(name));
      if (path === null) return { savedTo: null };
      await copyFile(files.pathOf(hash), path);
      return { savedTo: path };
    },
    'attachments.open': async ({ hash, name }) => {
      await attachments.read(hash, 'full');
      // A copy under its own name (the stored file has none), in a folder of its own.
      const dir = join(tmpdir(), 'fleece-open', hash.slice(0, 16));
      await mkdir(dir, { recursive: true });
      const path = join(dir, cleanName(name));
      await copyFile(files.pathOf(hash), path);
      await deps.openPath(path);
      return { opened: true };
    },
  };
}
