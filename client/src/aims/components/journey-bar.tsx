import type { CSSProperties } from 'react';
import { clampFraction, progressFraction } from '../progress';
import '../aims.css';

interface JourneyBarProps {
  baseline: number;
  target: number;
  value: number | null;
  /** Labels at the start, the end and on the marker (omit for a bare bar). */
  labels?: { start: string; end: string; now: string | null };
  highlight?: boolean;
}

/**
 * The way from the baseline to the target as a bar, filled as far as `value` has come. Purely
 * visual (aria-hidden): the page says the same in words next to it.
 */
export function JourneyBar({ baseline, target, value, labels, highlight }: JourneyBarProps) {
  const fraction = progressFraction(baseline, target, value);
  const position = fraction === null ? null : clampFraction(fraction);
  const style = { '--journey': position ?? 0 } as CSSProperties;
  return (
    <div
      className={`journey ${highlight ? 'journey--highlight' : ''} ${labels ? '' : 'journey--bare'}`}
      aria-hidden="true"
      style={style}
    >
      {labels && (
        <div className="journey__ends">
          <span>{labels.start}</span>
          <span>{labels.end}</span>
        </div>
      )}
      <div className="journey__track">
        {position !== null && <div className="journey__fill" />}
        {position !== null && <div className="journey__marker" />}
      </div>
      {labels?.now && position !== null && (
        <div className="journey__now">
          <span>{labels.now}</span>
        </div>
      )}
    </div>
  );
}
