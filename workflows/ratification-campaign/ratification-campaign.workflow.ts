import { CancellationScope, condition, setHandler, startChild, uuid4, type ChildWorkflowHandle } from '@temporalio/workflow';
import {
  cancelParticipationSignal,
  SA_COORDINATOR,
  SA_FORUM,
  SA_PARTICIPATION_KIND,
  SA_PHASE,
  type ParticipationResult,
} from '../kit/contracts';
import { Participation } from '../kit/participation';
import { assertValidInput } from '../kit/valid-input';
import { countryRatificationWorkflow } from './country-ratification.workflow';
import {
  campaignProgressQuery,
  countryStatusSignal,
  countryWorkflowId,
  validateRatificationCampaignInput,
  type CampaignProgress,
  type CountryRatificationInput,
  type CountryStatus,
  type RatificationCampaignInput,
} from './ratification-campaign.contract';
import { ratificationCampaignStrings } from './ratification-campaign.strings';

const FINAL: CountryStatus[] = ['ratified', 'declined'];

/**
 * The action plan for the Convention on the Diversity of Cultural
 * Expressions: one child workflow per target country; each country's status
 * comes back by signal. The campaign ends when the target count of
 * ratifications is reached, when no country is left in play, or at its end date.
 */
export async function ratificationCampaignWorkflow(input: RatificationCampaignInput): Promise<ParticipationResult> {
  assertValidInput(validateRatificationCampaignInput(input));
  const p = new Participation(input, ratificationCampaignStrings);
  const statuses: Record<string, CountryStatus> = Object.fromEntries(input.targets.map((t) => [t.country, 'not-contacted']));
  const children: ChildWorkflowHandle<typeof countryRatificationWorkflow>[] = [];
  const count = (status: CountryStatus) => Object.values(statuses).filter((s) => s === status).length;
  const progress = (): CampaignProgress => ({
    ratified: count('ratified'),
    declined: count('declined'),
    target: input.targetCount,
    countries: { ...statuses },
    endsAt: input.endsAt,
  });
  const publish = () => {
    p.details.progress = progress();
    p.waitFor('ratifications', 'wait.ratifications', { ratified: count('ratified'), target: input.targetCount }, input.endsAt);
  };
  setHandler(campaignProgressQuery, progress);
  setHandler(countryStatusSignal, ({ country, status }) => {
    if (country in statuses && !FINAL.includes(statuses[country])) statuses[country] = status;
    publish();
  });
  p.details.convention = input.convention;
  p.details.progress = progress();

  /** Ends the countries still in play with a reason, and waits until each has closed its tasks. */
  const endChildren = async (reason: string, actorId: string) => {
    for (const child of children) {
      const country = child.workflowId.slice(p.workflowId.length + 1);
      if (!FINAL.includes(statuses[country])) await child.signal(cancelParticipationSignal, { reason, actorId }).catch(() => undefined);
    }
    await Promise.allSettled(children.map((child) => child.result()));
  };
  p.onCancel(({ reason, actorId }) => endChildren(reason, actorId));

  return p.run(async () => {
    await p.enterPhase('outreach');
    for (const target of input.targets) {
      const childInput: CountryRatificationInput = {
        participationId: uuid4(),
        kind: 'ratification-campaign',
        businessKey: `${input.businessKey}/${target.country}`,
        title: p.t('campaign.countryTitle', { title: input.title, country: target.country.toUpperCase() }),
        forum: input.forum,
        coordinatorId: input.coordinatorId,
        locale: input.locale,
        launchedAt: new Date(Date.now()).toISOString(),
        campaignWorkflowId: p.workflowId,
        country: target.country,
        liaisonId: target.liaisonId,
        timing: input.timing,
      };
      // Started outside the campaign's cancellation scope: a cancelled campaign ends its countries itself, with its reason.
      const child = await CancellationScope.nonCancellable(() =>
        startChild(countryRatificationWorkflow, {
          workflowId: countryWorkflowId(p.workflowId, target.country),
          args: [childInput],
          typedSearchAttributes: [
            { key: SA_PARTICIPATION_KIND, value: 'ratification-campaign' },
            { key: SA_FORUM, value: input.forum },
            { key: SA_PHASE, value: 'launched' },
            { key: SA_COORDINATOR, value: input.coordinatorId },
          ],
          staticSummary: childInput.title,
        }),
      );
      children.push(child);
    }
    publish();
    p.refreshTaskAttributes(input.endsAt);

    const targetReached = () => count('ratified') >= input.targetCount;
    const noneInPlay = () => Object.values(statuses).every((s) => FINAL.includes(s));
    await condition(() => targetReached() || noneInPlay(), Math.max(1, Date.parse(input.endsAt) - Date.now()), {
      summary: p.t('timer.campaignEnd', { date: input.endsAt }),
    });
    const endedBy = targetReached() ? 'target' : noneInPlay() ? 'no-country-left' : 'end-date';
    p.details.endedBy = endedBy;
    const summary = p.t(`campaign.ended.${endedBy}` as 'campaign.ended.target', { ratified: count('ratified'), target: input.targetCount });
    await endChildren(summary, 'workflow');
    return p.close('concluded', 'workflow', summary);
  });
}
