import { defineKind } from '../kind-definition';
import { INTERNATIONAL_AGREEMENT_WORKFLOW } from './international-agreement.contract';
import { internationalAgreementEvents } from './international-agreement.events';
import { agreementReportPeriod, internationalAgreementLaunch } from './international-agreement.launch';
import { internationalAgreementStrings } from './international-agreement.strings';

/** An agreement (entente) with a foreign state, a federated state or an international organization. */
export const internationalAgreement = defineKind({
  kind: 'international-agreement',
  workflowType: INTERNATIONAL_AGREEMENT_WORKFLOW,
  workflowModules: [require.resolve('./international-agreement.workflow')],
  strings: internationalAgreementStrings,
  plan: {
    priority: 'international-forums',
    initiative: 'federal-framework',
    milestones: { 'agreements-signed': ['national-assembly', 'entry-into-force'] },
  },
  launch: internationalAgreementLaunch,
  events: internationalAgreementEvents,
  // Told to the outside world beyond the kit's catalogue (docs/events.md): the agreement renewed for another term.
  publishes: [
    {
      type: 'agreement.renewed',
      actions: ['agreement.renewed'],
      description: {
        fr: 'Une entente internationale est renouvelée pour un nouveau terme.',
        en: 'An international agreement was renewed for another term.',
      },
    },
  ],
  settings: [agreementReportPeriod],
  sessions: true,
});
