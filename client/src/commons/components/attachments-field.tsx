import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_RESOURCE } from '@commons/shared';
import type { TFunction } from 'i18next';
import { type ChangeEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { describeApiError, describeError, translateIssue } from '../../graphql/errors';
import { useFormatBytes } from '../format';
import { ACCEPT_ATTRIBUTE, precheckFile, type UploadError, uploadAttachment } from '../upload';
import { AttachmentList, type AttachmentItem } from './attachment-list';

const RemoveAttachmentDocument = graphql(`
  mutation RemoveAttachment($attachmentId: ID!) {
    removeAttachment(attachmentId: $attachmentId) {
      id
    }
  }
`);

/** An upload problem in the member's language. */
export function describeUploadError(error: UploadError, t: TFunction): string {
  if (error.code === 'NETWORK') return t('errors.network');
  return error.issue ? translateIssue(error.issue, t) : describeApiError(error, t);
}

/** A file that could not be attached, and why. */
export interface FileProblem {
  filename: string;
  message: string;
}

interface FileInputProps {
  id: string;
  problems: readonly FileProblem[];
  onFiles: (files: File[]) => void;
  disabled?: boolean;
}

/** The file chooser with the server's limits as its hint and every refused file listed under it. */
function FileInput({ id, problems, onFiles, disabled }: FileInputProps) {
  const { t } = useTranslation();
  const formatBytes = useFormatBytes();
  const inputRef = useRef<HTMLInputElement>(null);
  const describedBy = [`${id}-hint`, problems.length ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <>
      <label htmlFor={id} className="field__label">
        {t('commons.attachments.choose')}
      </label>
      <p id={`${id}-hint`} className="field__hint">
        {t('commons.attachments.limits', {
          size: formatBytes(MAX_ATTACHMENT_BYTES),
          count: MAX_ATTACHMENTS_PER_RESOURCE,
        })}
      </p>
      <input
        ref={inputRef}
        id={id}
        type="file"
        multiple
        accept={ACCEPT_ATTRIBUTE}
        className="field__control attachments-field__input"
        aria-invalid={problems.length ? true : undefined}
        aria-describedby={describedBy}
        disabled={disabled}
        onChange={(event: ChangeEvent<HTMLInputElement>) => {
          const files = [...(event.target.files ?? [])];
          if (inputRef.current) inputRef.current.value = '';
          if (files.length) onFiles(files);
        }}
      />
      {problems.length > 0 && (
        <div id={`${id}-error`} className="field__error attachments-field__errors">
          <ul>
            {problems.map((problem, index) => (
              <li key={`${problem.filename}-${index}`}>
                {t('commons.attachments.problem', { name: problem.filename, message: problem.message })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

interface PendingAttachmentsProps {
  files: readonly File[];
  onChange: (files: File[]) => void;
  /** Problems from the server after an earlier try. */
  problems?: readonly FileProblem[];
  /** Files the resource already carries (an adaptation brings its original's files). */
  carried?: number;
}

/** Files chosen before the resource exists; they are checked now and sent once it is saved. */
export function PendingAttachments({
  files,
  onChange,
  problems: serverProblems = [],
  carried = 0,
}: PendingAttachmentsProps) {
  const { t } = useTranslation();
  const id = useId();
  const formatBytes = useFormatBytes();
  const [problems, setProblems] = useState<FileProblem[]>([]);
  const shown = [...problems, ...serverProblems];

  function choose(chosen: File[]) {
    const refused: FileProblem[] = [];
    const accepted: File[] = [];
    for (const file of chosen) {
      const problem = precheckFile(file);
      if (problem) refused.push({ filename: file.name, message: describeUploadError(problem, t) });
      else if (carried + files.length + accepted.length >= MAX_ATTACHMENTS_PER_RESOURCE) {
        refused.push({
          filename: file.name,
          message: t('errors.reason.too_many_attachments', { max: MAX_ATTACHMENTS_PER_RESOURCE }),
        });
      } else accepted.push(file);
    }
    setProblems(refused);
    if (accepted.length) onChange([...files, ...accepted]);
  }

  return (
    <fieldset className="field attachments-field">
      <legend className="field__label">{t('commons.attachments.title')}</legend>
      <p className="field__hint">{t('commons.attachments.afterSave')}</p>
      {files.length > 0 && (
        <ul className="attachment-list" aria-label={t('commons.attachments.chosen')}>
          {files.map((file, index) => (
            <li key={`${file.name}-${index}`} className="attachment">
              {file.name} <span className="attachment__details">({formatBytes(file.size)})</span>
              <button
                type="button"
                className="link-button link-button--danger attachment__remove"
                onClick={() => onChange(files.filter((_, i) => i !== index))}
              >
                {t('commons.attachments.remove')}
                <span className="visually-hidden"> {file.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <FileInput id={id} problems={shown} onFiles={choose} />
    </fieldset>
  );
}

interface LiveAttachmentsProps {
  resourceId: string;
  attachments: readonly AttachmentItem[];
  /** Problems carried over from an upload that failed before this page opened. */
  initialProblems?: readonly FileProblem[];
  /** Called once files are in: uploads happen outside GraphQL, so the resource is reloaded. */
  onUploaded: () => void;
}

/** The files of a saved resource: each upload goes straight to the server, each with its progress. */
export function LiveAttachments({ resourceId, attachments, initialProblems = [], onUploaded }: LiveAttachmentsProps) {
  const { t } = useTranslation();
  const id = useId();
  const [problems, setProblems] = useState<FileProblem[]>([...initialProblems]);
  const [uploading, setUploading] = useState<{ name: string; progress: number } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [removeState, removeAttachment] = useMutation(RemoveAttachmentDocument);
  const [removing, setRemoving] = useState<string | null>(null);

  async function choose(files: File[]) {
    const refused: FileProblem[] = [];
    const done: string[] = [];
    for (const file of files) {
      const problem = precheckFile(file);
      if (problem) {
        refused.push({ filename: file.name, message: describeUploadError(problem, t) });
        continue;
      }
      setUploading({ name: file.name, progress: 0 });
      const result = await uploadAttachment(resourceId, file, (progress) =>
        setUploading({ name: file.name, progress }),
      );
      if (result.ok) done.push(result.attachment.filename);
      else refused.push({ filename: file.name, message: describeUploadError(result.error, t) });
    }
    setUploading(null);
    setProblems(refused);
    if (done.length) {
      setAnnouncement(t('commons.attachments.uploaded', { count: done.length, names: done.join(', ') }));
      onUploaded();
    }
  }

  return (
    <fieldset className="field attachments-field">
      <legend className="field__label">{t('commons.attachments.title')}</legend>
      {attachments.length > 0 ? (
        <AttachmentList
          attachments={attachments}
          removing={removing}
          onRemove={(attachment) => {
            setRemoving(attachment.id);
            void removeAttachment({ attachmentId: attachment.id }).then((result) => {
              setRemoving(null);
              if (!result.error) setAnnouncement(t('commons.attachments.removed', { name: attachment.filename }));
            });
          }}
        />
      ) : (
        <p className="muted">{t('commons.attachments.none')}</p>
      )}
      {removeState.error && <p className="field__error">{describeError(removeState.error, t)}</p>}
      <FileInput id={id} problems={problems} onFiles={(files) => void choose(files)} disabled={uploading !== null} />
      {uploading && (
        <p className="attachments-field__progress">
          <label htmlFor={`${id}-progress`}>{t('commons.attachments.uploading', { name: uploading.name })}</label>{' '}
          <progress id={`${id}-progress`} max={1} value={uploading.progress} />
        </p>
      )}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </fieldset>
  );
}
