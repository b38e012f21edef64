import { RESOURCE_LIMITS } from '@commons/shared';
import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../ui/feedback';
import { TextAreaField } from '../../ui/field';

const MarkdownPreview = lazy(() => import('./markdown-preview'));

interface MarkdownFieldProps {
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
}

/** The body, written in Markdown, with a preview beside it on request that follows the typing. */
export function MarkdownField({ value, onChange, error }: MarkdownFieldProps) {
  const { t } = useTranslation();
  const previewId = useId();
  const [preview, setPreview] = useState(false);
  return (
    <div className={`markdown-field${preview ? ' markdown-field--preview' : ''}`}>
      <TextAreaField
        label={t('commons.form.body')}
        hint={t('commons.form.bodyHint')}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        error={error}
        rows={14}
        limit={RESOURCE_LIMITS.bodyMax}
        className="markdown-field__input"
      />
      <p className="markdown-field__toggle">
        <button
          type="button"
          className="button button--secondary button--small"
          aria-expanded={preview}
          aria-controls={previewId}
          onClick={() => setPreview(!preview)}
        >
          {preview ? t('commons.form.hidePreview') : t('commons.form.showPreview')}
        </button>
      </p>
      <section
        id={previewId}
        className="markdown-field__preview panel"
        aria-label={t('commons.form.preview')}
        hidden={!preview}
      >
        {preview && (
          <Suspense fallback={<Loading />}>
            <MarkdownPreview body={value} emptyText={t('commons.form.previewEmpty')} />
          </Suspense>
        )}
      </section>
    </div>
  );
}
