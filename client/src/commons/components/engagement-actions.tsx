import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { describeError } from '../../graphql/errors';

const MarkHelpfulDocument = graphql(`
  mutation MarkResourceHelpful($resourceId: ID!, $helpful: Boolean!) {
    markResourceHelpful(resourceId: $resourceId, helpful: $helpful) {
      id
      helpfulCount
      viewerMarkedHelpful
    }
  }
`);

const BookmarkDocument = graphql(`
  mutation BookmarkResource($resourceId: ID!, $bookmarked: Boolean!) {
    bookmarkResource(resourceId: $resourceId, bookmarked: $bookmarked) {
      id
      viewerBookmarked
    }
  }
`);

interface EngagementActionsProps {
  resourceId: string;
  helpfulCount: number;
  markedHelpful: boolean;
  bookmarked: boolean;
}

/** "Helpful" (one mark per member, with the count) and the bookmark, as toggle buttons. */
export function EngagementActions({ resourceId, helpfulCount, markedHelpful, bookmarked }: EngagementActionsProps) {
  const { t } = useTranslation();
  const [helpfulState, markHelpful] = useMutation(MarkHelpfulDocument);
  const [bookmarkState, bookmark] = useMutation(BookmarkDocument);
  const [announcement, setAnnouncement] = useState('');
  const error = helpfulState.error ?? bookmarkState.error;

  return (
    <>
      <button
        type="button"
        className="button button--secondary toggle-button"
        aria-pressed={markedHelpful}
        disabled={helpfulState.fetching}
        onClick={() =>
          void markHelpful({ resourceId, helpful: !markedHelpful }).then((result) => {
            if (!result.error)
              setAnnouncement(
                markedHelpful ? t('commons.engagement.unmarkedHelpful') : t('commons.engagement.markedHelpful'),
              );
          })
        }
      >
        {t('commons.engagement.helpful')}
        <span className="toggle-button__count">{t('commons.engagement.helpfulCount', { count: helpfulCount })}</span>
      </button>
      <button
        type="button"
        className="button button--secondary toggle-button"
        aria-pressed={bookmarked}
        disabled={bookmarkState.fetching}
        onClick={() =>
          void bookmark({ resourceId, bookmarked: !bookmarked }).then((result) => {
            if (!result.error)
              setAnnouncement(bookmarked ? t('commons.engagement.unbookmarked') : t('commons.engagement.bookmarked'));
          })
        }
      >
        {t('commons.engagement.bookmark')}
      </button>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {error && (
        <p role="alert" className="field__error">
          {describeError(error, t)}
        </p>
      )}
    </>
  );
}
