import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot, startDevServerRetrying, type RunningDevServer } from '../../infra/temporal/dev-server';
import { launchChromium, screenshotPath } from '../helpers/browser';
import { freePort } from '../helpers/free-port';
import { participationApi } from '../helpers/participation-api';
import { eventually, startTestStack, type TestStack } from '../helpers/test-stack';
import { wtoLaunchBody } from '../helpers/wto-round.fixtures';

const SHOTS = 'temporal-ui';

/**
 * What a supervisor sees in the Temporal UI, in headless Chromium: a dev
 * server of this test's own, started with its UI, three participations in
 * different phases, the list filtered by search attributes as the README's
 * saved queries do, and a participation's page with its summary, current
 * details, search attributes and overview query. Screenshots land in
 * test-artifacts/temporal-ui/ for people to look at.
 */
describe('the Temporal UI, as a supervisor sees it', () => {
  let temporal: RunningDevServer;
  let stack: TestStack;
  let api: ReturnType<typeof participationApi>;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  const forum = `ui-${randomUUID().slice(0, 6)}`;
  const launched: Record<'waiting' | 'late' | 'ready', { id: string; workflowId: string; title: string }> = {} as never;

  const serverDir = join(repoRoot(), '.data', `ui-test-${randomUUID().slice(0, 8)}`);

  beforeAll(async () => {
    // The run's shared server is headless: this one has the UI, on free ports.
    temporal = await startDevServerRetrying({
      cliPath: process.env.TEMPORAL_CLI as string,
      uiPort: await freePort(),
      dbFilename: join(serverDir, 'temporal.db'),
      logFile: join(serverDir, 'temporal.log'),
    });
    stack = await startTestStack({
      TEMPORAL_ADDRESS: temporal.address,
      FEDERAL_RESPONSE_TIMEOUT: '10 minutes',
      TASK_DUE_AFTER: '3s',
      TASK_REMINDER_BEFORE: '1s',
    });
    api = participationApi(stack);
    await stack.addForums([forum]);
    browser = await launchChromium();
    page = await browser.context.newPage();

    for (const [name, title] of [
      ['waiting', 'Cycle de Doha — agriculture'],
      ['late', 'Cycle de Doha — services'],
      ['ready', 'Accès aux marchés non agricoles'],
    ] as const) {
      const body = wtoLaunchBody({ forum, title });
      launched[name] = { ...(await api.launch(body)), title };
    }
    for (const p of [launched.late, launched.ready]) {
      await api.waitForPhase(p.id, 'federal-coordination');
      await api.step(p.id, 'federal-response', { decision: 'granted', actorId: 'coord-lavoie' }).expect(200);
    }
    for (const task of await api.waitForOpenTasks(launched.ready.id, 'position', 2)) {
      await api.completeTask(task.id, task.assigneeId).expect(200);
    }
    await api.waitForPhase(launched.ready.id, 'mandate-approval');
    await eventually(async () => ((await api.tasks(launched.late.id)).filter((t) => t.overdue).length === 2 ? true : undefined), {
      what: 'the late participation’s two positions to be overdue',
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    await temporal?.stop();
    if (!process.env.KEEP_TEST_DATA) rmSync(serverDir, { recursive: true, force: true });
  });

  const ui = (path: string) => `${temporal.uiUrl}/namespaces/default${path}`;
  const shot = (name: string) => page.screenshot({ path: screenshotPath(SHOTS, name), fullPage: true });

  /** Types a list query in the UI's query box, as a supervisor would, and returns the workflow ids listed. */
  async function listWith(query: string): Promise<string[]> {
    await page.goto(ui('/workflows'));
    await page.getByTestId('toggle-manual-query').click();
    const input = page.getByTestId('manual-search-input');
    await input.fill(query);
    await page.getByTestId('manual-search-button').click();
    await page.waitForURL(/query=/);
    await page
      .getByText(/^\d+ Workflows?$/)
      .first()
      .waitFor();
    // The count shows before the rows render on a loaded machine: give the rows a moment.
    await page
      .locator('a[href*="/workflows/wto-round%2F"]')
      .first()
      .waitFor({ timeout: 10_000 })
      .catch(() => undefined);
    const links = await page.locator('a[href*="/workflows/wto-round%2F"]').allTextContents();
    return [...new Set(links.map((text) => text.trim()).filter((text) => text.startsWith('wto-round/')))];
  }

  it('filters the participation list by ParticipationKind and Phase, and by OverdueTasks', async () => {
    // Columns for the custom search attributes: a supervisor adds them once (the UI keeps them in the browser).
    await page.goto(ui('/workflows'));
    await page.getByTestId('workflows-summary-table-configuration-button').click();
    for (const column of ['ParticipationKind', 'Phase', 'Forum', 'OverdueTasks', 'NextDeadline']) {
      await page.getByRole('button', { name: `Add ${column} column` }).click();
    }
    for (const column of ['Run ID', 'Type', 'End']) await page.getByRole('button', { name: `Remove ${column} column` }).click();
    await page.getByTestId('drawer-close-button').click();

    const mandate = await eventually(
      async () => {
        const ids = await listWith(`ParticipationKind = 'wto-round' AND Phase = 'mandate-approval' AND Forum = '${forum}'`);
        return ids.length === 1 ? ids : undefined;
      },
      { what: 'the list filtered on mandate approval', timeoutMs: 30_000 },
    );
    expect(mandate).toEqual([launched.ready.workflowId]);
    await shows(/mandate-approval/);
    await shot('01-list-kind-and-phase');

    // The late positions, and the ready round's approval task, waiting in the approver's inbox past its due date.
    const overdue = await eventually(
      async () => {
        const ids = await listWith(`OverdueTasks > 0 AND Forum = '${forum}'`);
        return ids.length === 2 ? ids : undefined;
      },
      { what: 'the list filtered on overdue tasks', timeoutMs: 30_000 },
    );
    expect(overdue.sort()).toEqual([launched.late.workflowId, launched.ready.workflowId].sort());
    await shot('02-list-overdue');

    const all = await listWith(`ParticipationKind = 'wto-round' AND Forum = '${forum}'`);
    expect(all.sort()).toEqual(
      Object.values(launched)
        .map((p) => p.workflowId)
        .sort(),
    );
    await shot('03-list-forum');
  });

  it('shows a participation’s summary, details and current details in words', async () => {
    await openParticipation(launched.ready.workflowId, 'User Metadata');
    for (const heading of ['Summary', 'Details', 'Current Details', 'Events with Metadata']) await shows(heading);
    await shows('Ronde de négociation de l’OMC — Accès aux marchés non agricoles');
    await shows(/Coordonnateur : coord-lavoie/);
    await shows(/Lancée le : \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    await shows(`Forum : ${forum}`);
    await shows('Phase : Approbation du mandat (mandate-approval)');
    await shows('En attente de : la décision sur le mandat (révision 1)');
    // Activities listed with what they are for.
    await shows('Passage à la phase « Approbation du mandat »');
    await shows(/Tâche remise par expert-tremblay : Position sur « agriculture » \(révision 1\)/);
    await shot('04-page-summary-and-details');
  });

  it('shows the overdue tasks and their timers on the late participation’s page', async () => {
    const reopen = () => openParticipation(launched.late.workflowId, 'User Metadata');
    await reopen();
    await shows('Phase : Rédaction des positions (position-drafting)', reopen);
    await shows('Tâches ouvertes : 2, dont 2 en retard', reopen);
    // Timers say what they wait for.
    await shows(/Échéance : Position sur « agriculture » \(révision 1\), le \d{4}-\d\d-\d\d \d\d:\d\d UTC/, reopen);
    await shows(/Rappel avant échéance : Position sur « services » \(révision 1\)/, reopen);
    await shows(/Tâche en retard depuis le \d{4}-\d\d-\d\d \d\d:\d\d UTC : Position sur « services »/, reopen);
    await shot('05-late-page-current-details');

    await page.getByText('Search Attributes', { exact: true }).first().click();
    for (const text of [
      '"ParticipationKind": "wto-round"',
      '"Phase": "position-drafting"',
      `"Forum": "${forum}"`,
      '"Coordinator": "coord-lavoie"',
      '"OverdueTasks": 2',
      '"expert-nguyen"',
      '"NextDeadline"',
    ]) {
      await shows(text);
    }
    await shot('06-late-page-search-attributes');

    await page.getByText('Queries', { exact: true }).first().click();
    await page.getByRole('button', { name: 'Run Query' }).click();
    await shows('"phase": "Rédaction des positions (position-drafting)"');
    await shows(/Position sur « services » \(révision 1\) — expert-nguyen — EN RETARD depuis/);
    await shot('07-late-page-overview-query');
    // Reloads included, on a loaded machine this takes longer than the default minute.
  }, 180_000);

  /**
   * Waits until the page, or one of the frames the UI renders Markdown in, shows `text`. With `reopen`, the
   * page is loaded again every 10 s: the UI does not always fetch the events a loaded machine recorded late.
   * A clean-clone CI once needed more than 40 s for a timer's summary to show (it showed in 4 s alone).
   */
  async function shows(text: string | RegExp, reopen?: () => Promise<void>): Promise<void> {
    let reloadAt = Date.now() + 10_000;
    await eventually(
      async () => {
        if (reopen && Date.now() > reloadAt) {
          reloadAt = Date.now() + 10_000;
          await reopen();
        }
        for (const frame of page.frames()) {
          const body = await frame
            .locator('body')
            .innerText({ timeout: 1_000 })
            .catch(() => '');
          if (typeof text === 'string' ? body.includes(text) : text.test(body)) return true;
        }
        return undefined;
      },
      { what: `the page to show ${String(text)}`, timeoutMs: reopen ? 75_000 : 15_000, intervalMs: 250 },
    );
  }

  async function openParticipation(workflowId: string, tab: string): Promise<void> {
    await page.goto(ui(`/workflows/${encodeURIComponent(workflowId)}`));
    await page.getByText(workflowId).first().waitFor();
    await page.getByText(tab, { exact: true }).first().click();
  }
});
