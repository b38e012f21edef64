import { describe, expect, it } from 'vitest';
import i18n from '../i18n/i18n';
import { formatMonth } from '../i18n/format';
import { chartCaptions, signalCaption, type SignalData } from './captions';

const en = i18n.getFixedT('en');
const sv = i18n.getFixedT('sv');
const enMonth = (month: string) => formatMonth(month, 'en-GB');
const svMonth = (month: string) => formatMonth(month, 'sv');

const longRun: SignalData = {
  key: 'longRun',
  phase: 0,
  side: 'above',
  length: 8,
  fromMonth: '2025-03',
  toMonth: '2025-10',
  centre: 'median',
  assessment: 'improvement',
};

describe('signalCaption', () => {
  it('says a shift in one phase as a shift, with the month to split the chart at, not as a deterioration of the baseline', () => {
    const shift: SignalData = {
      key: 'shift',
      phase: 0,
      side: 'above',
      month: '2025-10',
      before: 11,
      after: 8,
      centre: 'average',
      assessment: 'improvement',
    };
    expect(signalCaption(shift, en, enMonth)).toEqual({
      text: 'The level moved up around Oct 2025: 11 months below the average before it and 8 above it since. This is unlikely to be chance. This is an improvement.',
      tone: 'improvement',
      splitAt: '2025-10',
    });
    expect(signalCaption({ ...shift, side: 'below', assessment: 'deterioration' }, sv, svMonth)?.text).toBe(
      'Nivån sjönk omkring okt. 2025: 11 månader över medelvärdet före och 8 under sedan dess. Det är osannolikt att det beror på slumpen. Det är en försämring.',
    );
    expect(chartCaptions([shift], en, enMonth).signals).toHaveLength(1);
  });

  it('notes a network month not every site has reported, left out or counted', () => {
    const incomplete: SignalData = {
      key: 'incompleteMonth',
      month: '2026-11',
      sitesReported: 1,
      sites: 8,
      leftOut: true,
    };
    expect(signalCaption(incomplete, en, enMonth)).toEqual({
      text: 'Nov 2026 has reports from 1 of 8 sites so far: it is shown, but left out of the centre line, limits and signals.',
      tone: 'notice',
    });
    expect(signalCaption({ ...incomplete, leftOut: false }, en, enMonth)?.text).toBe(
      'Nov 2026 has reports from 1 of 8 sites so far, and is counted as you asked.',
    );
    expect(chartCaptions([incomplete], en, enMonth, 2).notices).toHaveLength(1);
  });

  it('words an unusually long run, with its months and what it means for the measure', () => {
    expect(signalCaption(longRun, en, enMonth)).toEqual({
      text: '8 months in a row above the median (Mar 2025 – Oct 2025): this is unlikely to be chance. This is an improvement.',
      tone: 'improvement',
    });
    expect(signalCaption(longRun, sv, svMonth)?.text).toBe(
      '8 månader i rad över medianen (mars 2025 – okt. 2025): det är osannolikt att det beror på slumpen. Det är en förbättring.',
    );
  });

  it('says "average" for control charts and "deterioration" when the run goes the wrong way', () => {
    const run: SignalData = { ...longRun, side: 'below', centre: 'average', assessment: 'deterioration', length: 10 };
    expect(signalCaption(run, en, enMonth)).toEqual({
      text: '10 months in a row below the average (Mar 2025 – Oct 2025): this is unlikely to be chance. This is a deterioration.',
      tone: 'deterioration',
    });
    expect(signalCaption(run, sv, svMonth)?.text).toMatch(
      /^10 månader i rad under medelvärdet .*Det är en försämring\.$/,
    );
  });

  it('words too few crossings, singular and plural', () => {
    const few: SignalData = {
      key: 'fewCrossings',
      phase: 0,
      crossings: 1,
      expectedAtLeast: 8,
      months: 24,
      centre: 'median',
      assessment: 'neutral',
    };
    expect(signalCaption(few, en, enMonth)).toEqual({
      text: 'Over 24 months the line crossed the median only 1 time, where chance alone would give at least 8: the level has probably shifted.',
      tone: 'neutral',
    });
    expect(signalCaption({ ...few, crossings: 3 }, en, enMonth)?.text).toContain('only 3 times');
    expect(signalCaption({ ...few, crossings: 3 }, sv, svMonth)?.text).toBe(
      'Under 24 månader korsade linjen medianen bara 3 gånger, där slumpen ensam skulle ge minst 8: nivån har troligen förskjutits.',
    );
  });

  it('words a point beyond the limits', () => {
    const beyond: SignalData = {
      key: 'beyondLimits',
      phase: 0,
      month: '2026-01',
      side: 'below',
      assessment: 'deterioration',
    };
    expect(signalCaption(beyond, en, enMonth)?.text).toBe(
      'In Jan 2026 the value was below the range expected from month-to-month variation: this is unlikely to be chance. This is a deterioration.',
    );
    expect(signalCaption({ ...beyond, side: 'above', assessment: 'improvement' }, sv, svMonth)?.text).toBe(
      'I jan. 2026 låg värdet över det intervall som variationen mellan månader ger: det är osannolikt att det beror på slumpen. Det är en förbättring.',
    );
  });

  it('words notices about the data in both languages', () => {
    const excluded: SignalData = { key: 'pointExcluded', month: '2026-02', reason: 'ZERO_DENOMINATOR' };
    expect(signalCaption(excluded, en, enMonth)).toEqual({
      text: 'Feb 2026 is left out: nobody was eligible that month, so there is nothing to measure.',
      tone: 'notice',
    });
    expect(signalCaption(excluded, sv, svMonth)?.text).toBe(
      'feb. 2026 är utelämnad: ingen var aktuell den månaden, så det finns inget att mäta.',
    );
    expect(signalCaption({ key: 'limitsUnavailable', phase: 0, reason: 'TOO_FEW_POINTS' }, en, enMonth)?.text).toBe(
      'There are too few months in this period to work out the expected range.',
    );
  });

  it('names the phase when a chart has several, and ignores keys it does not know', () => {
    expect(signalCaption({ ...longRun, phase: 1 }, en, enMonth, 2)?.text).toMatch(/^Phase 2: 8 months in a row/);
    expect(signalCaption({ ...longRun, phase: 1 }, sv, svMonth, 2)?.text).toMatch(/^Fas 2: 8 månader i rad/);
    expect(signalCaption({ key: 'somethingNew' }, en, enMonth)).toBeNull();
  });
});

describe('chartCaptions', () => {
  it('puts signals before notices about the data', () => {
    const { signals, notices } = chartCaptions(
      [
        { key: 'pointExcluded', month: '2026-02', reason: 'MISSING_VALUE' },
        longRun,
        { key: 'beyondLimits', phase: 0, month: '2026-01', side: 'above', assessment: 'improvement' },
      ],
      en,
      enMonth,
    );
    expect(signals.map((c) => c.tone)).toEqual(['improvement', 'improvement']);
    expect(notices).toEqual([{ text: 'Feb 2026 is left out: no data was reported for that month.', tone: 'notice' }]);
  });
});
