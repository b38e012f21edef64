import { Fragment } from 'react';

/** A piece of text the server split at the words that matched a search. */
export interface TextSegment {
  text: string;
  match: boolean;
}

/**
 * Text with the matching words marked. The server sends plain segments, never HTML, so nothing
 * here is parsed as markup: each segment is a text node, matches inside <mark>.
 */
export function HighlightedText({ segments }: { segments: readonly TextSegment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.match ? (
          <mark key={index} className="search-match">
            {segment.text}
          </mark>
        ) : (
          <Fragment key={index}>{segment.text}</Fragment>
        ),
      )}
    </>
  );
}
