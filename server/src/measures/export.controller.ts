import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import { AppError } from '../platform/graphql/app-error';
import { ExportService } from './export.service';

function sendCsv(res: Response, filename: string, body: string) {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.send(body);
}

/** CSV downloads, authenticated by the session cookie like GraphQL. */
@Controller('files')
export class ExportController {
  constructor(private readonly exports: ExportService) {}

  @Get('measures.csv')
  async measures(@Req() req: Request, @Res() res: Response, @Query('networkId') networkId: string) {
    try {
      const rows = await this.exports.reportRows(req.viewer ?? null, String(networkId ?? ''));
      sendCsv(res, 'measures.csv', stringify(rows, { header: true }));
    } catch (error) {
      sendError(res, error);
    }
  }

  @Get('measures-template.csv')
  async template(@Req() req: Request, @Res() res: Response, @Query('networkId') networkId: string) {
    try {
      const rows = await this.exports.templateRows(req.viewer ?? null, String(networkId ?? ''));
      sendCsv(res, 'measures-template.csv', stringify(rows, { header: true }));
    } catch (error) {
      sendError(res, error);
    }
  }
}

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400 };

function sendError(res: Response, error: unknown) {
  if (!(error instanceof AppError)) throw error;
  res
    .status(STATUS[error.code] ?? 400)
    .json({ error: { code: error.code, message: error.message, ...error.extensions } });
}
