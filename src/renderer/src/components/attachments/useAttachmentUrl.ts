import { useEffect, useState } from 'react';
import { useClient } from '../../store/StoreContext';
import type { FleeceClient } from '../../api/client';

/**
 * Blob URLs of stored files, made from bytes main sends (the window has no network and no file
 * access: `connect-src 'none'`). Kept per hash and variant while the window lives: the same
 * screenshot shown in the composer, the message and the viewer is fetched once.
 */
const loaded = new Map<string, Promise<{ url: string; blob: Blob } | null>>();

/** The bytes (a Blob, for the clipboard) and their blob URL; null when main has no such file. */
export function attachmentBlob(
  client: FleeceClient,
  hash: string,
  variant: 'full' | 'thumb',
): Promise<{ url: string; blob: Blob } | null> {
  const key = `${variant}:${hash}`;
  let entry = loaded.get(key);
  if (!entry) {
    entry = client.call('attachments.read', { hash, variant }).then((res) => {
      if (!res.ok) {
        loaded.delete(key);
        return null;
      }
      const bytes = Uint8Array.from(atob(res.data.data), (c) => c.charCodeAt(0));
      const blob = new Blob([bytes], { type: res.data.mime });
      return { url: URL.createObjectURL(blob), blob };
    });
    loaded.set(key, entry);
  }
  return entry;
}

export function attachmentUrl(
  client: FleeceClient,
  hash: string,
  variant: 'full' | 'thumb',
): Promise<string | null> {
  return attachmentBlob(client, hash, variant).then((e) => e?.url ?? null);
}

/** The blob URL of a stored file once it arrived; null while loading or when it is gone. */
export function useAttachmentUrl(
  hash: string,
  variant: 'full' | 'thumb',
): string | null | undefined {
  const client = useClient();
  const [url, setUrl] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void attachmentUrl(client, hash, variant).then((u) => live && setUrl(u));
    return () => {
      live = false;
    };
  }, [client, hash, variant]);
  return url;
}
