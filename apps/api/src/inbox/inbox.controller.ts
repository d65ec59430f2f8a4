import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { isLocale, type Locale } from '@lib/contracts';
import { Public } from '../auth/auth.decorators';
import { CallerLocale } from '../common/caller-locale';
import { inboxClient } from './inbox-client';
import { renderInboxPage } from './inbox-page';

const CLIENT_SCRIPT = `(${inboxClient.toString()})();`;

/** The experts' inbox page. Public HTML; every action it takes goes through the API with the person's token. */
@ApiExcludeController()
@Public()
@Controller('inbox')
export class InboxController {
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  page(@CallerLocale() callerLocale: Locale, @Query('lang') lang?: string): string {
    return renderInboxPage(isLocale(lang) ? lang : callerLocale);
  }

  @Get('app.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  script(): string {
    return CLIENT_SCRIPT;
  }
}
