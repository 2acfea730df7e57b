import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Download, ExternalLink } from 'lucide-react';
import type { AttachmentRef } from '../../../../shared/attachment';
import { useClient, useStoreApi } from '../../store/StoreContext';
import { IconButton } from '../../ui/IconButton';
import { AttachmentChip } from './AttachmentChips';
import { ImageViewer } from './ImageViewer';
import { useAttachmentUrl } from './useAttachmentUrl';

function ImageThumb(props: { attachment: AttachmentRef; onOpen: () => void }) {
  const { t } = useTranslation('chat');
  const url = useAttachmentUrl(props.attachment.hash, 'thumb');
  return (
    <li>
      <button
        type="button"
        className="message-image"
        onClick={props.onOpen}
        aria-label={t('attachments.view', { name: props.attachment.name })}
        data-testid="message-image"
      >
        {url ? (
          <img src={url} alt={props.attachment.name} />
        ) : (
          <span className="message-image-missing">
            {url === null ? t('attachments.missing') : ''}
          </span>
        )}
      </button>
    </li>
  );
}

/** A question's files: image thumbnails that open the viewer, file chips to open or save. */
export function MessageAttachments(props: { attachments: readonly AttachmentRef[] }) {
  const { t } = useTranslation('chat');
  const client = useClient();
  const store = useStoreApi();
  const [viewing, setViewing] = useState<number | null>(null);
  const images = props.attachments.filter((a) => a.kind === 'image');
  const files = props.attachments.filter((a) => a.kind !== 'image');
  const call = (route: 'attachments.open' | 'attachments.saveAs', a: AttachmentRef): void => {
    void client.call(route, { hash: a.hash, name: a.name }).then((res) => {
      if (!res.ok) store.getState().ui.showToast(res.error);
    });
  };
  return (
    <div className="message-attachments" data-testid="message-attachments">
      {images.length > 0 ? (
        <ul className="message-images" aria-label={t('attachments.images')}>
          {images.map((a, i) => (
            <ImageThumb key={`${a.hash}-${i}`} attachment={a} onOpen={() => setViewing(i)} />
          ))}
        </ul>
      ) : null}
      {files.length > 0 ? (
        <ul className="attachment-chips" aria-label={t('attachments.files')}>
          {files.map((a, i) => (
            <div key={`${a.hash}-${i}`} className="message-file">
              <AttachmentChip attachment={a} onOpen={() => call('attachments.open', a)} />
              <IconButton
                size="sm"
                label={t('attachments.openWith', { name: a.name })}
                icon={<ExternalLink size={14} aria-hidden="true" />}
                onClick={() => call('attachments.open', a)}
              />
              <IconButton
                size="sm"
                label={t('attachments.saveAs', { name: a.name })}
                icon={<Download size={14} aria-hidden="true" />}
                onClick={() => call('attachments.saveAs', a)}
              />
            </div>
          ))}
        </ul>
      ) : null}
      {viewing !== null ? (
        <ImageViewer
          images={images}
          index={viewing}
          onIndex={setViewing}
          onClose={() => setViewing(null)}
          onSave={(a) => call('attachments.saveAs', a)}
        />
      ) : null}
    </div>
  );
}
