import { Injectable } from '@nestjs/common';
import { type ChartType, type MeasureKind, measureDefinitionSchema, spcChart } from '@commons/shared';
import { AccessService } from '../platform/auth/access.service';
import type { Viewer } from '../platform/auth/viewer';
import { conflict, invalid, notFound, parseInput, requireId } from '../platform/graphql/app-error';
import type { MeasureInput } from './dto/measure.input';
import { MeasureRepository } from './measure.repository';

/** Measure definitions: the network's shared yardsticks, defined by its admins. */
@Injectable()
export class MeasuresService {
  constructor(
    private readonly measures: MeasureRepository,
    private readonly access: AccessService,
  ) {}

  /** The measure `measureId`, or null, without an access check: for capabilities that check access to its network themselves (charts, aims). */
  find(measureId: string) {
    return this.measures.find(measureId);
  }

  async list(viewer: Viewer, networkId: string) {
    await this.access.require(viewer, networkId, 'measure.viewReports');
    return this.measures.list(networkId);
  }

  async get(viewer: Viewer, measureId: string) {
    const measure = await this.measures.find(requireId(measureId, 'measureId'));
    if (!measure) throw notFound('Measure');
    await this.access.require(viewer, measure.networkId, 'measure.viewReports');
    return measure;
  }

  async create(viewer: Viewer, networkId: string, input: MeasureInput) {
    await this.access.require(viewer, networkId, 'measure.define');
    const data = parseInput(measureDefinitionSchema, { ...input, target: input.target ?? null }, 'input');
    assertChartFits(data.kind, data.defaultChart);
    if (await this.measures.keyTaken(networkId, data.key))
      throw conflict('measure_key_taken', 'A measure with this key exists.', { field: 'input.key' });
    return this.measures.create(networkId, data);
  }

  async update(viewer: Viewer, measureId: string, input: MeasureInput) {
    const measure = await this.measures.find(requireId(measureId, 'measureId'));
    if (!measure) throw notFound('Measure');
    await this.access.require(viewer, measure.networkId, 'measure.define');
    const data = parseInput(measureDefinitionSchema, { ...input, target: input.target ?? null }, 'input');
    // Reports were validated against the kind; changing it would reinterpret every one of them.
    if (data.kind !== measure.kind)
      throw conflict('measure_kind_fixed', 'The kind of a measure cannot change once defined.', {
        field: 'input.kind',
      });
    assertChartFits(data.kind, data.defaultChart);
    if (await this.measures.keyTaken(measure.networkId, data.key, measure.id))
      throw conflict('measure_key_taken', 'A measure with this key exists.', { field: 'input.key' });
    return this.measures.update(measure.id, data);
  }
}

/** Throws BAD_USER_INPUT on input.defaultChart unless the SPC engine can draw that chart for `kind`. */
function assertChartFits(kind: MeasureKind, chart: ChartType) {
  try {
    // The engine owns the rule of which chart fits which kind; an empty series just asks it.
    spcChart([], { kind, direction: 'UP', chart });
  } catch (error) {
    if (error instanceof RangeError) throw invalid('input.defaultChart', 'chart_does_not_fit', { chart, kind });
    throw error;
  }
}
