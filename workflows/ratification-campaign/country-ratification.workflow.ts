import { CancellationScope, condition, getExternalWorkflowHandle, sleep } from '@temporalio/workflow';
import { choiceOf, type ParticipationResult } from '../kit/contracts';
import { Participation } from '../kit/participation';
import { assertValidInput } from '../kit/valid-input';
import {
  countryStatusSignal,
  FOLLOW_UP_STATUSES,
  validateCountryRatificationInput,
  type CountryRatificationInput,
  type CountryStatus,
} from './ratification-campaign.contract';
import { ratificationCampaignStrings } from './ratification-campaign.strings';

/**
 * One target country of a ratification campaign: outreach, then follow-ups
 * until the country ratifies (an event, at any time) or declines. Its phase
 * is the country's status, so supervisors count them by the `Phase` search attribute.
 */
export async function countryRatificationWorkflow(input: CountryRatificationInput): Promise<ParticipationResult> {
  assertValidInput(validateCountryRatificationInput(input));
  const p = new Participation(input, ratificationCampaignStrings);
  const campaign = getExternalWorkflowHandle(input.campaignWorkflowId);
  const { timing } = input;
  const due = { dueInMs: timing.taskDueMs, remindBeforeMs: timing.taskReminderBeforeMs };
  const country = input.country.toUpperCase();
  let ratifiedBy: string | undefined;
  p.details.country = input.country;
  p.details.campaignWorkflowId = input.campaignWorkflowId;

  p.events.on('convention.ratified', async (event) => {
    if (p.phase === 'ratified' || p.phase === 'declined' || ratifiedBy) {
      return p.events.ignore(event, 'reject.countryFinal', { country, status: p.phase });
    }
    ratifiedBy = event.eventId;
  });

  // A campaign that has already ended no longer listens; the country's own record is what matters then.
  const tellCampaign = (status: CountryStatus) =>
    campaign.signal(countryStatusSignal, { country: input.country, status }).catch(() => undefined);
  const setStatus = async (status: CountryStatus) => {
    p.details.status = status;
    await p.enterPhase(status);
    await tellCampaign(status);
  };

  /** Outreach then follow-ups; resolves only when the country declines. */
  const outreach = async (): Promise<'declined'> => {
    await setStatus('not-contacted');
    p.waitFor('tasks', 'wait.outreach', { country });
    await p.tasks.run({
      step: 'outreach',
      kind: 'outreach',
      title: p.t('task.outreach.title', { country }),
      instructions: p.t('task.outreach.instructions', { country, title: input.title }),
      assigneeId: input.liaisonId,
      ...due,
    });
    await setStatus('contacted');
    for (let round = 1; ; round += 1) {
      p.waitFor('follow-up', 'wait.followUp', { country, round });
      await sleep(timing.followUpMs, { summary: p.t('timer.followUp', { country, round }) });
      const followUp = await p.tasks.run({
        step: `follow-up/${round}`,
        kind: 'follow-up',
        title: p.t('task.followUp.title', { country, round }),
        instructions: p.t('task.followUp.instructions', { country, statuses: FOLLOW_UP_STATUSES.join(', ') }),
        assigneeId: input.liaisonId,
        requiredFields: { status: choiceOf(...FOLLOW_UP_STATUSES) },
        ...due,
      });
      const reported = followUp.deliverable?.fields?.status;
      if (reported === 'declined') return 'declined';
      if (reported === 'in-process' && p.phase !== 'in-process') await setStatus('in-process');
    }
  };

  return p.run(async () => {
    const steps = new CancellationScope();
    const declined = steps.run(outreach);
    const ratified = condition(() => ratifiedBy !== undefined).then(() => 'ratified' as const);
    const outcome = await Promise.race([declined, ratified]);
    if (outcome === 'ratified') {
      steps.cancel();
      await declined.catch(() => undefined);
      p.details.status = 'ratified';
      await tellCampaign('ratified');
      return p.close('concluded', 'external', p.t('campaign.countryRatified', { country }), 'ratified');
    }
    p.details.status = 'declined';
    await tellCampaign('declined');
    return p.close('withdrawn', input.liaisonId, p.t('campaign.countryDeclined', { country }), 'declined');
  });
}
