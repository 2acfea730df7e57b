import type { AttachmentRef } from '../../../../shared/attachment';
import type { CodedText } from '../../../../shared/codes';
import {
  ATTACHMENT_MAX_COUNT,
  ATTACHMENT_MAX_FILE_BYTES,
  ATTACHMENT_MAX_MESSAGE_BYTES,
  admitBatch,
  limitMb,
  totalBytes,
} from '../../../../shared/rules/attachmentLimits';
import type { FleeceClient } from '../../api/client';

export interface AddOutcome {
  added: AttachmentRef[];
  /** Why files were left out (the first is shown; all are coded for translation). */
  refused: CodedText[];
}

/** Base64 of a file's bytes, read through the browser (a data: URL without its prefix). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/**
 * Attaches files the window holds (file input, drop, paste): the limits a user can be told about
 * without reading anything are checked first (count, size), so a paste of 10,000 files or a
 * 200 MB file costs nothing; each file is then read and handed to main, which decides what it is
 * from its bytes. A file that vanished since it was picked cannot be read: it is reported by name.
 */
export async function addFiles(
  client: FleeceClient,
  existing: readonly AttachmentRef[],
  files: readonly File[],
): Promise<AddOutcome> {
  const refused: CodedText[] = [];
  const { take, tooMany } = admitBatch(existing, files);
  if (tooMany)
    refused.push({
      code: 'attachment_too_many',
      params: { max: ATTACHMENT_MAX_COUNT, count: files.length },
    });
  const added: AttachmentRef[] = [];
  let bytes = totalBytes(existing);
  for (const file of files.slice(0, take)) {
    const name = file.name || 'pasted';
    if (file.size === 0) {
      refused.push({ code: 'attachment_empty', params: { name } });
      continue;
    }
    if (file.size > ATTACHMENT_MAX_FILE_BYTES) {
      refused.push({
        code: 'attachment_too_large',
        params: { name, mb: limitMb(ATTACHMENT_MAX_FILE_BYTES) },
      });
      continue;
    }
    if (bytes + file.size > ATTACHMENT_MAX_MESSAGE_BYTES) {
      refused.push({
        code: 'attachment_message_too_large',
        params: { mb: limitMb(ATTACHMENT_MAX_MESSAGE_BYTES) },
      });
      continue;
    }
    let data: string;
    try {
      data = await readBase64(file);
    } catch {
      refused.push({ code: 'attachment_missing', params: { name } });
      continue;
    }
    const res = await client.call('attachments.add', { name, data });
    if (!res.ok) {
      refused.push(res.error.text);
      continue;
    }
    // The same file twice is one attachment.
    if ([...existing, ...added].some((a) => a.hash === res.data.hash)) continue;
    added.push(res.data);
    bytes += res.data.size;
  }
  return { added, refused };
}

/** A name for a pasted screenshot (the clipboard gives "image.png" or nothing). */
export function pastedName(file: File, now: Date): string {
  if (file.name && file.name !== 'image.png') return file.name;
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}.${pad(now.getMinutes())}.${pad(now.getSeconds())}`;
  const ext = file.type === 'image/jpeg' ? 'jpg' : (file.type.split('/')[1] ?? 'png');
  return `Screenshot ${stamp}.${ext}`;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
