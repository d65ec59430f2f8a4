import type { BrowserContext, Page } from 'playwright-core';
import { CookieJar } from '../../infra/identity/headless-sign-in';
import { screenshotPath } from '../helpers/browser';
import { eventually } from '../helpers/test-stack';

const SHOTS = 'cluster-temporal-ui';

/**
 * One person in the cluster's Temporal UI (ui-server) in Chromium: signed in
 * through the provider's page as people are, then reading a participation's
 * page and trying the UI's terminate action. Screenshots land in
 * test-artifacts/cluster-temporal-ui/.
 */
export class TemporalUiSession {
  /** Requests the UI made that were refused or failed: what a failing test prints. */
  private readonly failures: string[] = [];

  private constructor(
    private readonly page: Page,
    private readonly uiUrl: string,
    private readonly personId: string,
  ) {
    page.on('response', (res) => {
      if (res.status() >= 400) this.failures.push(`${res.status()} ${res.request().method()} ${res.url()}`);
    });
    page.on('requestfailed', (req) => {
      // Aborted: a navigation left the page before its scripts finished loading, nothing refused.
      const reason = req.failure()?.errorText ?? '';
      if (!reason.includes('ERR_ABORTED')) this.failures.push(`failed ${req.method()} ${req.url()}: ${reason}`);
    });
  }

  /** Opens the UI, follows it to the provider's sign-in page, types the person's id and password, and comes back signed in. */
  static async signIn(context: BrowserContext, uiUrl: string, personId: string): Promise<TemporalUiSession> {
    const page = await context.newPage();
    await page.goto(`${uiUrl}/namespaces/default/workflows`);
    // The UI's own sign-in page has one button that leads to the provider (/auth/sso).
    await page.getByTestId('login-button').click();
    await page.locator('#login').waitFor();
    await page.fill('#login', personId);
    await page.fill('#password', process.env.IDENTITY_DEMO_PASSWORD ?? 'demo');
    // Signed in once the UI has put the token to use: its first call with it (the namespaces) answered.
    // Leaving the page earlier can lose the token it is still taking from the sign-in cookie.
    const signedIn = page.waitForResponse((res) => /\/api\/v1\/namespaces\?/.test(res.url()) && res.status() === 200, { timeout: 60_000 });
    await page.press('#password', 'Enter');
    await signedIn;
    await page.waitForURL((url) => url.href.startsWith(uiUrl) && !url.pathname.startsWith('/auth') && !url.pathname.startsWith('/login'));
    return new TemporalUiSession(page, uiUrl, personId);
  }

  /** A participation's page, on one of its tabs (the UI's test ids: history-tab, user-metadata-tab…). */
  async open(workflowId: string, tab: 'history' | 'user-metadata'): Promise<void> {
    await this.explained('open', async () => {
      await this.page.goto(`${this.uiUrl}/namespaces/default/workflows/${encodeURIComponent(workflowId)}`);
      await this.page.getByText(workflowId).first().waitFor({ timeout: 30_000 });
      await this.page.getByTestId(`${tab}-tab`).first().click();
    });
  }

  /** Waits until the page, or a frame the UI renders Markdown in, shows `text`. */
  async shows(text: string | RegExp, timeoutMs = 20_000): Promise<void> {
    await this.explained(`shows-${String(text).replace(/\W+/g, '-').slice(0, 40)}`, () => this.waitFor(text, timeoutMs));
  }

  /** Runs `step`; when it fails, a screenshot and the requests refused or failed go with the error. */
  private async explained<T>(name: string, step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (err) {
      await this.shot(`failed-${name}`);
      throw new Error(`${(err as Error).message}\nrequests refused or failed:\n${this.failures.join('\n')}`, { cause: err });
    }
  }

  private async waitFor(text: string | RegExp, timeoutMs: number): Promise<void> {
    await eventually(
      async () => {
        for (const frame of this.page.frames()) {
          const body = await frame
            .locator('body')
            .innerText({ timeout: 1_000 })
            .catch(() => '');
          if (typeof text === 'string' ? body.includes(text) : text.test(body)) return true;
        }
        return undefined;
      },
      { what: `the Temporal UI to show ${String(text)} to ${this.personId}`, timeoutMs, intervalMs: 250 },
    );
  }

  /** The whole text of the page and its frames, for what must not be there. */
  async text(): Promise<string> {
    const bodies = await Promise.all(
      this.page.frames().map((frame) =>
        frame
          .locator('body')
          .innerText({ timeout: 1_000 })
          .catch(() => ''),
      ),
    );
    return bodies.join('\n');
  }

  /**
   * Asks the UI to terminate the workflow whose page is open, as a person would (the
   * actions menu, a reason, confirm); resolves with the HTTP status the UI server answered.
   */
  async terminate(reason: string): Promise<number> {
    await this.explained('terminate-menu', async () => {
      await this.page.getByRole('button', { name: /More Actions/ }).click();
      // The menu exists twice in the page (wide and narrow layouts): the visible one.
      await this.page.locator('[data-testid=terminate-button]:visible').click();
    });
    // The modal too exists twice; the visible reason field and confirm button are the open one's.
    await this.explained('terminate-reason', () => this.page.locator('[data-testid=workflow-termination-reason]:visible').fill(reason));
    const answer = this.page.waitForResponse((res) => res.request().method() === 'POST' && /\/terminate(\?|$)/.test(res.url()));
    await this.page.locator('[data-testid=confirm-modal-button]:visible').click();
    return (await answer).status();
  }

  async shot(name: string): Promise<void> {
    await this.page.screenshot({ path: screenshotPath(SHOTS, `${this.personId}-${name}`), fullPage: true });
  }

  close(): Promise<void> {
    return this.page.close();
  }
}

/**
 * The headers a person's browser sends the UI server's API once signed in to the UI,
 * got without a browser: the UI's own sign-in (/auth/sso, the provider's form, the
 * callback), then the access token and the ID token from the `user*` cookies the UI
 * server sets. Since UI server 2.5x its API checks the ID token (`Authorization-Extras`,
 * audience `temporal-ui`) and no longer lets any bearer token through.
 */
export async function uiApiHeaders(uiUrl: string, personId: string): Promise<Record<string, string>> {
  const jar = new CookieJar();
  const next = async (res: Response, what: string) => {
    const location = res.headers.get('location');
    if (res.status < 300 || res.status >= 400 || !location)
      throw new Error(`${what} answered ${res.status} without a redirect: ${(await res.text()).slice(0, 300)}`);
    return new URL(location, res.url || uiUrl).href;
  };
  let url = await next(await jar.fetch(`${uiUrl}/auth/sso`), 'the UI sign-in');
  for (let hops = 0; !url.startsWith(`${uiUrl}/auth/sso/callback`); hops++) {
    if (hops > 10) throw new Error('too many redirects before the UI callback');
    const interaction = /\/interaction\/([\w-]+)$/.exec(new URL(url).pathname);
    const res = interaction
      ? await jar.fetch(new URL(`/interaction/${interaction[1]}/login`, url).href, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ login: personId, password: process.env.IDENTITY_DEMO_PASSWORD ?? 'demo' }).toString(),
        })
      : await jar.fetch(url);
    url = interaction ? await next(res, 'the sign-in form') : await next(res, url);
  }
  await next(await jar.fetch(url), 'the UI callback');
  const cookies = new Map(
    jar
      .header()
      .split('; ')
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)] as const),
  );
  let encoded = '';
  for (let i = 0; cookies.has(`user${i}`); i++) encoded += cookies.get(`user${i}`);
  if (!encoded) throw new Error(`the UI server set no user cookie for ${personId}`);
  const user = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as { AccessToken: string; IDToken: string };
  return { authorization: `Bearer ${user.AccessToken}`, 'authorization-extras': user.IDToken };
}
