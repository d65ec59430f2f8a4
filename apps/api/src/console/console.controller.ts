import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Controller, Get, Header, Inject, NotFoundException, Param, Query, Redirect, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { APP_CONFIG, type AppConfig } from '@lib/config';
import { isLocale, type Locale } from '@lib/contracts';
import { Public } from '../auth/auth.decorators';
import { CallerLocale } from '../common/caller-locale';
import { consoleConfig, consoleContentSecurityPolicy, type ConsoleConfig } from './console-config.view';
import { ASSET_NAME, consoleDirectory } from './console-files';
import { consoleLabels, type ConsoleLabels } from './console-labels';

/**
 * Serves the web console: its built files, its configuration, and its page
 * for every client route under /console (the single-page app routes itself).
 * The API's own routes stay JSON; `/` and the old `/inbox` lead here.
 */
@ApiExcludeController()
@Public()
@Controller()
export class ConsoleController {
  private readonly directory = consoleDirectory();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @Redirect('/console/', 302)
  root(): void {}

  /** Links in e-mails and bookmarks still say /inbox. */
  @Get('inbox')
  @Redirect('/console/inbox', 301)
  inbox(): void {}

  @Get('console/config.json')
  @Header('Cache-Control', 'no-store')
  configuration(): ConsoleConfig {
    return consoleConfig(this.config);
  }

  @Get('console/labels.json')
  labels(@CallerLocale() callerLocale: Locale, @Query('lang') lang?: string): ConsoleLabels {
    return consoleLabels(isLocale(lang) ? lang : callerLocale);
  }

  @Get('console/assets/:file')
  asset(@Param('file') file: string, @Res() res: Response): void {
    // A missing asset is the API's 404 problem like any other (the exception filter).
    if (!this.directory || !ASSET_NAME.test(file) || !existsSync(join(this.directory, 'assets', file))) throw new NotFoundException();
    // Vite names each asset after its content: a new build has new names, so browsers may keep these for good.
    res.sendFile(file, { root: `${this.directory}/assets`, immutable: true, maxAge: '365d' }, (err) => {
      if (err && !res.headersSent) res.status(404).end(); // gone between the check and the read
    });
  }

  /** The OpenID Connect redirect lands on the console, which finishes the sign-in. */
  @Get('auth/callback')
  callback(@Res() res: Response): void {
    this.page(res);
  }

  @Get(['console', 'console/*path'])
  page(@Res() res: Response): void {
    if (!this.directory) {
      res.status(503).type('text/plain').send('The console is not built: run npm run build.');
      return;
    }
    res.setHeader('Content-Security-Policy', consoleContentSecurityPolicy(this.config));
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile('index.html', { root: this.directory });
  }
}
