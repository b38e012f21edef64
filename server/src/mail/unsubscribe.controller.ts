import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../platform/auth/public.decorator';
import { AppError } from '../platform/graphql/app-error';
import { UnsubscribeService } from './unsubscribe.service';

/**
 * The URL of an email's List-Unsubscribe header. Mail clients POST `List-Unsubscribe=One-Click`
 * to it (RFC 8058), with no cookie and no CSRF header: the token alone authorises it. A GET (a
 * person following the URL) goes to the page that asks first, since link scanners follow GETs.
 */
@Controller('mail/unsubscribe')
export class UnsubscribeController {
  constructor(private readonly unsubscribes: UnsubscribeService) {}

  @Public()
  @Post(':token')
  @HttpCode(200)
  async oneClick(@Param('token') token: string, @Res() res: Response) {
    try {
      await this.unsubscribes.unsubscribe(token);
      res.type('text/plain').send('Unsubscribed.\n');
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') {
        res.status(404).type('text/plain').send('This unsubscribe link is not known.\n');
        return;
      }
      throw error;
    }
  }

  @Public()
  @Get(':token')
  confirmPage(@Param('token') token: string, @Res() res: Response) {
    res.redirect(303, `/unsubscribe/${encodeURIComponent(token)}`);
  }
}
