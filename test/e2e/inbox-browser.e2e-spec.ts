import { launchChromium, screenshotPath } from '../helpers/browser';
import { participationApi } from '../helpers/participation-api';
import { eventually, startTestStack, type TestStack } from '../helpers/test-stack';
import { wtoLaunchBody } from '../helpers/wto-round.fixtures';

/** An expert in a real browser: signs in, sees the task a workflow created, completes it, watches the next one arrive live. */
describe('the inbox page in headless Chromium', () => {
  let stack: TestStack;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let api: ReturnType<typeof participationApi>;

  beforeAll(async () => {
    stack = await startTestStack({ TASK_DUE_AFTER: '5 minutes', TASK_REMINDER_BEFORE: '0' }, { listen: true });
    api = participationApi(stack);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('lets an expert complete a task and shows the revision the workflow opens next', async () => {
    // A title of its own: other test files give expert-tremblay tasks in the same database.
    const title = `Ronde du navigateur ${Date.now()}`;
    const launched = await api.launch(wtoLaunchBody({ title, issueAreas: [{ area: 'agriculture', expertId: 'expert-tremblay' }] }));
    await api.waitForPhase(launched.id, 'federal-coordination');
    await api.step(launched.id, 'federal-response', { decision: 'granted', actorId: 'coord-lavoie' }).expect(200);
    const [task] = await api.waitForOpenTasks(launched.id, 'position', 1);

    const page = await browser.context.newPage();
    await page.goto(`${stack.baseUrl}/inbox`);
    await page.fill('#token', await stack.token('expert-tremblay'));
    await page.click('#signin button[type=submit]');
    const row = page.locator(`tr[data-task-id="${task.id}"]`);
    await row.waitFor();
    await expectText(row, 'Position sur « agriculture » (révision 1)');
    await page.locator('#live').filter({ hasText: 'Mise à jour en direct' }).waitFor();
    await page.screenshot({ path: screenshotPath('inbox', '1-signed-in'), fullPage: true });

    await row.getByRole('button', { name: 'Compléter' }).click();
    await page.fill('tr.form textarea[name=summary]', 'Appuyer la réduction des subventions à l’exportation.');
    // Another of the expert's tasks changes meanwhile: the page reloads its list live, and keeps the half-written form.
    const other = await api.launch(
      wtoLaunchBody({ title: `Autre ronde ${Date.now()}`, issueAreas: [{ area: 'fisheries', expertId: 'expert-tremblay' }] }),
    );
    await api.waitForPhase(other.id, 'federal-coordination');
    await api.step(other.id, 'federal-response', { decision: 'granted', actorId: 'coord-lavoie' }).expect(200);
    const [otherTask] = await api.waitForOpenTasks(other.id, 'position', 1);
    await stack.http('coord-lavoie').patch(`/tasks/${otherTask.id}`).send({ priority: 'high', reason: 'Urgent.' }).expect(200);
    await page.locator(`tr[data-task-id="${otherTask.id}"]`, { hasText: 'haute' }).waitFor();
    expect(await page.inputValue('tr.form textarea[name=summary]')).toBe('Appuyer la réduction des subventions à l’exportation.');
    expect(await page.locator(`tr[data-task-id="${task.id}"] + tr.form`).count()).toBe(1);
    await page.screenshot({ path: screenshotPath('inbox', '2-completing'), fullPage: true });
    await page.getByRole('button', { name: 'Envoyer' }).click();
    await row.waitFor({ state: 'detached' });

    // The workflow moves on: mandate approval, then a revision reopens the drafting.
    await api.waitForPhase(launched.id, 'mandate-approval');
    const stored = (await stack.http('expert-tremblay').get(`/tasks/${task.id}`).expect(200)).body;
    expect(stored).toMatchObject({
      status: 'completed',
      deliverable: { summary: 'Appuyer la réduction des subventions à l’exportation.' },
    });
    await api
      .step(launched.id, 'mandate-decision', { decision: 'revise', comments: 'Chiffrer l’impact.', actorId: 'dm-international' })
      .expect(200);

    // No reload: the new task arrives through the live stream.
    const revision = page.locator('tr[data-task-id]', { hasText: title }).filter({ hasText: 'révision 2' });
    await revision.waitFor({ timeout: 20_000 });
    await page.screenshot({ path: screenshotPath('inbox', '3-revision-arrived-live'), fullPage: true });
    const ours = page.locator('tr[data-task-id]', { hasText: title });
    await eventually(async () => ((await ours.count()) === 1 ? true : undefined), { what: 'one open task of this round' });
  });

  it('speaks English when asked', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${stack.baseUrl}/inbox?lang=en`);
    expect(await page.title()).toBe('Task inbox');
    await page.fill('#token', 'not-a-token');
    await page.click('#signin button[type=submit]');
    await page.locator('#notice.error').waitFor();
    expect(await page.locator('#notice').textContent()).toBe('Token refused: expired, wrongly signed or invalid.');
  });
});

async function expectText(locator: import('playwright-core').Locator, text: string): Promise<void> {
  expect(await locator.textContent()).toContain(text);
}
