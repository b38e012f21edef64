/** A PDSA cycle as the chart page receives it (MeasureCharts.pdsaAnnotations). */
export interface PdsaAnnotationData {
  cycleId: string;
  ideaId: string;
  ideaTitle: string;
  siteId: string;
  number: number;
  title: string;
  stage: 'PLAN' | 'DO' | 'STUDY' | 'ACT';
  act: 'ADOPT' | 'ADAPT' | 'ABANDON' | null;
  startOn: string;
  endOn: string | null;
  /** YYYY-MM. */
  startMonth: string;
  endMonth: string | null;
}

/** A shaded span of a chart for one PDSA cycle: from and to months the chart has, and the letter that ties it to the list under the chart. */
export interface PdsaBand {
  cycleId: string;
  marker: string;
  from: string;
  to: string;
}

/** The letter of the nth annotation: A, B, … Z, then A2, B2, … */
export function bandMarker(index: number): string {
  const letter = String.fromCharCode(65 + (index % 26));
  const round = Math.floor(index / 26);
  return round === 0 ? letter : `${letter}${round + 1}`;
}

/**
 * The cycles of one site to draw on its chart, oldest first, each with its letter. Spans are cut
 * to the chart's months (`months` in order); a cycle still running lasts to the last month; a
 * cycle wholly outside the chart keeps its letter in the list but gets no span.
 */
export function pdsaBands(
  annotations: readonly PdsaAnnotationData[],
  siteId: string | null,
  months: readonly string[],
): { annotation: PdsaAnnotationData; marker: string; band: PdsaBand | null }[] {
  if (siteId === null) return [];
  const first = months[0];
  const last = months[months.length - 1];
  return annotations
    .filter((annotation) => annotation.siteId === siteId)
    .sort((a, b) => a.startOn.localeCompare(b.startOn) || a.number - b.number)
    .map((annotation, index) => {
      const marker = bandMarker(index);
      const end = annotation.endMonth ?? last;
      const outside = first === undefined || annotation.startMonth > last || end < first;
      const band = outside
        ? null
        : {
            cycleId: annotation.cycleId,
            marker,
            from: annotation.startMonth < first ? first : annotation.startMonth,
            to: end > last ? last : end,
          };
      return { annotation, marker, band };
    });
}
