import { useTranslation } from 'react-i18next';
import { fileKind, useFormatBytes } from '../format';

export interface AttachmentItem {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  url: string;
  downloadCount?: number;
}

interface AttachmentListProps {
  attachments: readonly AttachmentItem[];
  /** Given when files may be taken off (the form): a remove button per file. */
  onRemove?: (attachment: AttachmentItem) => void;
  removing?: string | null;
}

/** A resource's files: each a download link with its type, size and how often it was downloaded. */
export function AttachmentList({ attachments, onRemove, removing }: AttachmentListProps) {
  const { t } = useTranslation();
  const formatBytes = useFormatBytes();
  return (
    <ul className="attachment-list">
      {attachments.map((attachment) => {
        const kind = fileKind(attachment.contentType);
        const details = [kind ? t(`commons.attachments.fileKind.${kind}`) : null, formatBytes(attachment.size)]
          .filter(Boolean)
          .join(', ');
        return (
          <li key={attachment.id} className="attachment">
            <a href={attachment.url} download={attachment.filename} className="attachment__link">
              {attachment.filename}
            </a>{' '}
            <span className="attachment__details">({details})</span>
            {attachment.downloadCount !== undefined && (
              <span className="attachment__downloads muted small">
                {' '}
                · {t('commons.attachments.downloads', { count: attachment.downloadCount })}
              </span>
            )}
            {onRemove && (
              <button
                type="button"
                className="link-button link-button--danger attachment__remove"
                disabled={removing === attachment.id}
                onClick={() => onRemove(attachment)}
              >
                {t('commons.attachments.remove')}
                <span className="visually-hidden"> {attachment.filename}</span>
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
