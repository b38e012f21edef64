import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { PAGE_HEADING_ID, takePendingFocus } from './route-focus';

interface PageHeadingProps {
  children: ReactNode;
  /** The document title; defaults to the heading when it is plain text. */
  title?: string;
}

/** The page's one h1: it names the document title and takes focus after navigation. */
export function PageHeading({ children, title }: PageHeadingProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  const documentTitle = title ?? (typeof children === 'string' ? children : undefined);

  useEffect(() => {
    if (takePendingFocus()) ref.current?.focus();
  }, []);

  useEffect(() => {
    document.title = documentTitle ? t('app.documentTitle', { page: documentTitle }) : t('app.name');
  }, [documentTitle, t]);

  return (
    <h1 id={PAGE_HEADING_ID} ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}
