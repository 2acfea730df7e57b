import { FileText, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { AttachmentRef } from '../../../../shared/attachment';
import { formatSize } from './addFiles';
import { useAttachmentUrl } from './useAttachmentUrl';

function Thumb(props: { attachment: AttachmentRef }) {
  const url = useAttachmentUrl(props.attachment.hash, 'thumb');
  return url ? (
    <img className="attachment-thumb" src={url} alt="" />
  ) : (
    <span className="attachment-thumb attachment-thumb-empty" aria-hidden="true" />
  );
}

/** One attachment: a thumbnail for an image, else a file icon; its name and size. */
export function AttachmentChip(props: {
  attachment: AttachmentRef;
  onRemove?: () => void;
  onOpen?: () => void;
}) {
  const { t } = useTranslation('chat');
  const a = props.attachment;
  const note = a.note ? t(`attachments.note.${a.note}`) : null;
  const body = (
    <>
      {a.kind === 'image' ? (
        <Thumb attachment={a} />
      ) : (
        <FileText size={18} aria-hidden="true" className="attachment-icon" />
      )}
      <span className="attachment-text">
        <span className="attachment-name">{a.name}</span>
        <span className="attachment-meta">
          {formatSize(a.size)}
          {a.kind === 'image' && a.width && a.height ? ` · ${a.width}×${a.height}` : ''}
          {note ? ` · ${note}` : ''}
        </span>
      </span>
    </>
  );
  return (
    <li className="attachment-chip" data-testid="attachment-chip" data-kind={a.kind}>
      {props.onOpen ? (
        <button
          type="button"
          className="attachment-open"
          onClick={props.onOpen}
          aria-label={t('attachments.open', { name: a.name })}
        >
          {body}
        </button>
      ) : (
        body
      )}
      {props.onRemove ? (
        <button
          type="button"
          className="attachment-remove"
          aria-label={t('attachments.remove', { name: a.name })}
          onClick={props.onRemove}
        >
          <X size={14} aria-hidden="true" />
        </button>
      ) : null}
    </li>
  );
}

/** The files attached in the composer, before sending. */
export function ComposerAttachments(props: {
  attachments: readonly AttachmentRef[];
  onRemove: (hash: string) => void;
}) {
  const { t } = useTranslation('chat');
  if (props.attachments.length === 0) return null;
  return (
    <ul className="attachment-chips" aria-label={t('attachments.list')}>
      {props.attachments.map((a) => (
        <AttachmentChip key={a.hash} attachment={a} onRemove={() => props.onRemove(a.hash)} />
      ))}
    </ul>
  );
}
