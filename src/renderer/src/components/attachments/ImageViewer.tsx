import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ChevronLeft, ChevronRight, Copy, Download, Maximize, ZoomIn, ZoomOut } from 'lucide-react';
import type { AttachmentRef } from '../../../../shared/attachment';
import { Dialog } from '../../ui/Dialog';
import { IconButton } from '../../ui/IconButton';
import { useClient, useStoreApi } from '../../store/StoreContext';
import type { FleeceClient } from '../../api/client';
import { attachmentBlob, useAttachmentUrl } from './useAttachmentUrl';

const ZOOMS = [0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4];

/** The clipboard takes PNG only: the image is redrawn as one (a canvas, no network). */
async function copyImage(client: FleeceClient, hash: string): Promise<void> {
  const loaded = await attachmentBlob(client, hash, 'full');
  if (!loaded) throw new Error('gone');
  const blob = loaded.blob;
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
  const png = await canvas.convertToBlob({ type: 'image/png' });
  await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
}

/** A message's images, one at a time: zoom, previous/next (arrow keys too), copy, save as. */
export function ImageViewer(props: {
  images: readonly AttachmentRef[];
  index: number;
  onIndex: (index: number) => void;
  onClose: () => void;
  onSave: (a: AttachmentRef) => void;
}) {
  const { t } = useTranslation('chat');
  const store = useStoreApi();
  const client = useClient();
  const image = props.images[props.index];
  const url = useAttachmentUrl(image?.hash ?? '0'.repeat(64), 'full');
  // null: fit to the window.
  const [zoom, setZoom] = useState<number | null>(null);
  const [copied, setCopied] = useState(false);
  if (!image) return null;
  const count = props.images.length;
  const go = (step: number): void => {
    setZoom(null);
    setCopied(false);
    props.onIndex((props.index + step + count) % count);
  };
  const zoomBy = (dir: 1 | -1): void => {
    const current = zoom ?? 1;
    const next =
      dir > 0 ? ZOOMS.find((z) => z > current) : [...ZOOMS].reverse().find((z) => z < current);
    setZoom(next ?? current);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key === 'ArrowRight' && count > 1) go(1);
    else if (e.key === 'ArrowLeft' && count > 1) go(-1);
    else if (e.key === '+' || e.key === '=') zoomBy(1);
    else if (e.key === '-') zoomBy(-1);
    else return;
    e.preventDefault();
  };
  return (
    <Dialog
      open
      wide
      onOpenChange={(open) => !open && props.onClose()}
      title={image.name}
      closeLabel={t('attachments.closeViewer')}
    >
      <div className="image-viewer" onKeyDown={onKeyDown} data-testid="image-viewer">
        <div
          className="image-viewer-tools"
          role="toolbar"
          aria-label={t('attachments.viewerTools')}
        >
          {count > 1 ? (
            <>
              <IconButton
                size="sm"
                label={t('attachments.previous')}
                icon={<ChevronLeft size={16} aria-hidden="true" />}
                onClick={() => go(-1)}
              />
              <span className="image-viewer-count">
                {t('attachments.position', { n: props.index + 1, count })}
              </span>
              <IconButton
                size="sm"
                label={t('attachments.next')}
                icon={<ChevronRight size={16} aria-hidden="true" />}
                onClick={() => go(1)}
              />
            </>
          ) : null}
          <IconButton
            size="sm"
            label={t('attachments.zoomOut')}
            icon={<ZoomOut size={16} aria-hidden="true" />}
            onClick={() => zoomBy(-1)}
          />
          <span className="image-viewer-zoom" aria-live="polite">
            {zoom === null ? t('attachments.fit') : `${Math.round(zoom * 100)}%`}
          </span>
          <IconButton
            size="sm"
            label={t('attachments.zoomIn')}
            icon={<ZoomIn size={16} aria-hidden="true" />}
            onClick={() => zoomBy(1)}
          />
          <IconButton
            size="sm"
            label={t('attachments.fit')}
            icon={<Maximize size={16} aria-hidden="true" />}
            onClick={() => setZoom(null)}
          />
          <IconButton
            size="sm"
            label={copied ? t('attachments.copied') : t('attachments.copy')}
            icon={<Copy size={16} aria-hidden="true" />}
            disabled={!url}
            onClick={() => {
              if (!url) return;
              copyImage(client, image.hash).then(
                () => setCopied(true),
                () =>
                  store.getState().ui.showToast({
                    code: 'internal',
                    text: { code: 'attachment_unreadable', params: { name: image.name } },
                  }),
              );
            }}
          />
          <IconButton
            size="sm"
            label={t('attachments.saveAs', { name: image.name })}
            icon={<Download size={16} aria-hidden="true" />}
            onClick={() => props.onSave(image)}
          />
        </div>
        <div className={`image-viewer-stage${zoom === null ? ' image-viewer-fit' : ''}`}>
          {url ? (
            <img
              src={url}
              alt={image.name}
              width={zoom === null ? undefined : Math.round((image.width ?? 0) * zoom) || undefined}
            />
          ) : url === null ? (
            <p>{t('attachments.missing')}</p>
          ) : null}
        </div>
      </div>
    </Dialog>
  );
}
