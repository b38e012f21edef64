import type { TFunction } from 'i18next';

/** A chart signal as the API sends it (every parameter nullable; which ones are set depends on `key`). */
export interface SignalData {
  key: string;
  phase?: number | null;
  side?: string | null;
  length?: number | null;
  fromMonth?: string | null;
  toMonth?: string | null;
  month?: string | null;
  crossings?: number | null;
  expectedAtLeast?: number | null;
  months?: number | null;
  centre?: string | null;
  assessment?: string | null;
  reason?: string | null;
  before?: number | null;
  after?: number | null;
  sitesReported?: number | null;
  sites?: number | null;
  leftOut?: boolean | null;
}

/** How a caption reads at a glance: a change for the better, for the worse, a shift of unknown direction, or a note about the data. */
export type CaptionTone = 'improvement' | 'deterioration' | 'neutral' | 'notice';

export interface Caption {
  text: string;
  tone: CaptionTone;
  /** A shift: the month where a new phase would split the chart between the two levels. */
  splitAt?: string;
}

/** Signals about the process, as opposed to notices about the data (left-out months, no limits). */
export const SIGNAL_KEYS = ['shift', 'longRun', 'fewCrossings', 'beyondLimits'] as const;

const side = (value: string | null | undefined): 'above' | 'below' => (value === 'below' ? 'below' : 'above');
const centreName = (value: string | null | undefined): 'median' | 'average' =>
  value === 'average' ? 'average' : 'median';

function toneOf(assessment: string | null | undefined): CaptionTone {
  return assessment === 'improvement' || assessment === 'deterioration' ? assessment : 'neutral';
}

function withAssessment(text: string, assessment: string | null | undefined, t: TFunction): string {
  if (assessment === 'improvement') return `${text} ${t('charts.caption.assessment.improvement')}`;
  if (assessment === 'deterioration') return `${text} ${t('charts.caption.assessment.deterioration')}`;
  return text;
}

const REASONS = ['ZERO_DENOMINATOR', 'MISSING_VALUE', 'INVALID_VALUE'] as const;
type Reason = (typeof REASONS)[number];
const isReason = (value: unknown): value is Reason =>
  typeof value === 'string' && (REASONS as readonly string[]).includes(value);

/**
 * One plain-language sentence for a chart signal or notice, in the reader's language, e.g.
 * "8 months in a row above the median (Mar 2025 – Oct 2025): this is unlikely to be chance.
 * This is an improvement." or, when a phase spans two levels, "The level moved up around
 * Oct 2025: …" with the month to start a new phase at. `phases` > 1 prefixes the phase the
 * signal belongs to. Null for a key this client does not know yet.
 */
export function signalCaption(
  signal: SignalData,
  t: TFunction,
  formatMonth: (month: string) => string,
  phases = 1,
): Caption | null {
  const month = (value: string | null | undefined) => (value ? formatMonth(value) : '');
  let caption: Caption | null = null;
  switch (signal.key) {
    case 'shift': {
      const text = t(`charts.caption.shift.${side(signal.side) === 'above' ? 'up' : 'down'}`, {
        month: month(signal.month),
        before: signal.before ?? 0,
        after: signal.after ?? 0,
        centre: t(`charts.caption.centre.${centreName(signal.centre)}`),
      });
      caption = {
        text: withAssessment(text, signal.assessment, t),
        tone: toneOf(signal.assessment),
        ...(signal.month ? { splitAt: signal.month } : {}),
      };
      break;
    }
    case 'longRun': {
      const position = t(`charts.caption.position.${side(signal.side)}.${centreName(signal.centre)}`);
      const text = t('charts.caption.longRun', {
        count: signal.length ?? 0,
        position,
        from: month(signal.fromMonth),
        to: month(signal.toMonth),
      });
      caption = { text: withAssessment(text, signal.assessment, t), tone: toneOf(signal.assessment) };
      break;
    }
    case 'fewCrossings': {
      const text = t('charts.caption.fewCrossings', {
        count: signal.crossings ?? 0,
        months: signal.months ?? 0,
        expected: signal.expectedAtLeast ?? 0,
        centre: t(`charts.caption.centre.${centreName(signal.centre)}`),
      });
      caption = { text, tone: 'neutral' };
      break;
    }
    case 'beyondLimits': {
      const text = t(`charts.caption.beyondLimits.${side(signal.side)}`, { month: month(signal.month) });
      caption = { text: withAssessment(text, signal.assessment, t), tone: toneOf(signal.assessment) };
      break;
    }
    case 'pointExcluded': {
      const reason = isReason(signal.reason)
        ? t(`charts.caption.reason.${signal.reason}`)
        : t('charts.caption.reason.MISSING_VALUE');
      caption = { text: t('charts.caption.pointExcluded', { month: month(signal.month), reason }), tone: 'notice' };
      break;
    }
    case 'limitsUnavailable':
      caption = {
        text: t(
          signal.reason === 'NO_DATA'
            ? 'charts.caption.limitsUnavailable.NO_DATA'
            : 'charts.caption.limitsUnavailable.TOO_FEW_POINTS',
        ),
        tone: 'notice',
      };
      break;
    case 'incompleteMonth': {
      const values = { month: month(signal.month), reported: signal.sitesReported ?? 0, sites: signal.sites ?? 0 };
      caption = {
        text: t(
          signal.leftOut === false ? 'charts.caption.incompleteMonthCounted' : 'charts.caption.incompleteMonth',
          values,
        ),
        tone: 'notice',
      };
      break;
    }
    default:
      return null;
  }
  if (phases > 1 && signal.phase != null && signal.key !== 'pointExcluded' && signal.key !== 'incompleteMonth') {
    return { ...caption, text: t('charts.caption.inPhase', { phase: signal.phase + 1, text: caption.text }) };
  }
  return caption;
}

/** The captions of a chart: its signals first (in the order found), then its notices. */
export function chartCaptions(
  signals: readonly SignalData[],
  t: TFunction,
  formatMonth: (month: string) => string,
  phases = 1,
): { signals: Caption[]; notices: Caption[] } {
  const captions = signals.map((signal) => ({ signal, caption: signalCaption(signal, t, formatMonth, phases) }));
  const isSignal = (key: string) => (SIGNAL_KEYS as readonly string[]).includes(key);
  return {
    signals: captions.filter((c) => c.caption && isSignal(c.signal.key)).map((c) => c.caption!),
    notices: captions.filter((c) => c.caption && !isSignal(c.signal.key)).map((c) => c.caption!),
  };
}
