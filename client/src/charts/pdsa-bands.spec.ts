import { describe, expect, it } from 'vitest';
import { bandMarker, type PdsaAnnotationData, pdsaBands } from './pdsa-bands';

const cycle = (
  id: string,
  siteId: string,
  startMonth: string,
  endMonth: string | null,
  number = 1,
): PdsaAnnotationData => ({
  cycleId: id,
  ideaId: 'idea',
  ideaTitle: 'Huddle',
  siteId,
  number,
  title: `Cycle ${id}`,
  stage: endMonth ? 'ACT' : 'DO',
  act: null,
  startOn: `${startMonth}-06`,
  endOn: endMonth ? `${endMonth}-20` : null,
  startMonth,
  endMonth,
});

const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];

describe('pdsaBands', () => {
  it("keeps only the shown site's cycles, oldest first, lettered in that order", () => {
    const bands = pdsaBands(
      [
        cycle('late', 'riverside', '2026-04', '2026-05'),
        cycle('other', 'lakeview', '2026-02', '2026-03'),
        cycle('early', 'riverside', '2026-02', '2026-02'),
      ],
      'riverside',
      months,
    );
    expect(bands.map(({ annotation, marker, band }) => [annotation.cycleId, marker, band?.from, band?.to])).toEqual([
      ['early', 'A', '2026-02', '2026-02'],
      ['late', 'B', '2026-04', '2026-05'],
    ]);
  });

  it('draws a running cycle to the last month and cuts spans to the months shown', () => {
    const bands = pdsaBands(
      [cycle('before', 's', '2025-11', '2026-02'), cycle('running', 's', '2026-05', null)],
      's',
      months,
    );
    expect(bands.map(({ band }) => band)).toEqual([
      { cycleId: 'before', marker: 'A', from: '2026-01', to: '2026-02' },
      { cycleId: 'running', marker: 'B', from: '2026-05', to: '2026-06' },
    ]);
  });

  it('lists a cycle outside the chart without a span, and draws nothing on the network chart', () => {
    const outside = [cycle('old', 's', '2025-01', '2025-03'), cycle('future', 's', '2026-09', null)];
    expect(pdsaBands(outside, 's', months).map(({ marker, band }) => [marker, band])).toEqual([
      ['A', null],
      ['B', null],
    ]);
    expect(pdsaBands(outside, null, months)).toEqual([]);
    expect(pdsaBands(outside, 's', []).map(({ band }) => band)).toEqual([null, null]);
  });

  it('letters beyond Z with a round number', () => {
    expect([0, 25, 26, 27].map(bandMarker)).toEqual(['A', 'Z', 'A2', 'B2']);
  });
});
