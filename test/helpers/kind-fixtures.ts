import { randomUUID } from 'node:crypto';
import { inSeconds } from './process-api';

/** Valid launch bodies for every kind, each with a unique business key and dates seconds ahead. */
const key = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
const header = (prefix: string, forum: string, title: string) => ({
  businessKey: key(prefix),
  title,
  forum,
  coordinatorId: 'coord-lavoie',
});

export const launchBodies = {
  regionalForum: (o: Record<string, unknown> = {}) => ({
    kind: 'regional-forum',
    ...header('aer', 'aer', 'Assemblée générale de l’ARE'),
    sessionDate: inSeconds(60),
    briefingAuthorId: 'expert-caron',
    ...o,
  }),
  spp: (o: Record<string, unknown> = {}) => ({
    kind: 'spp-working-group',
    ...header('spp', 'spp', 'PSP — coopération réglementaire'),
    workingGroup: 'regulatory-cooperation',
    meetings: [{ date: inSeconds(1), leadExpertId: 'expert-morin' }],
    deliverables: [
      { code: 'regulatory-inventory', expertId: 'expert-morin' },
      { code: 'border-pilot', expertId: 'expert-diaz' },
    ],
    reportAuthorId: 'coord-lavoie',
    ...o,
  }),
  expertTaskForce: (o: Record<string, unknown> = {}) => ({
    kind: 'expert-task-force',
    ...header('oecd-tf', 'oecd', 'Groupe d’experts de l’OCDE sur la culture'),
    expertId: 'expert-pelletier',
    nominationApproverIds: ['dm-international'],
    meetings: [{ date: inSeconds(1) }],
    reportCount: 1,
    ...o,
  }),
  unesco: (o: Record<string, unknown> = {}) => ({
    kind: 'unesco-representation',
    ...header('unesco-rep', 'unesco', 'Représentant permanent à l’UNESCO'),
    nomineeId: 'rep-bouchard',
    nominationApproverIds: ['dm-international'],
    mandateYears: 1,
    reportsPerYear: 3,
    sessions: [{ body: 'executive-board', date: inSeconds(1) }],
    ...o,
  }),
  ratification: (o: Record<string, unknown> = {}) => ({
    kind: 'ratification-campaign',
    ...header('diversity', 'unesco', 'Convention sur la diversité des expressions culturelles'),
    convention: 'unesco-2005-diversity',
    targets: [
      { country: 'br', liaisonId: 'liaison-roy' },
      { country: 'sn', liaisonId: 'liaison-roy' },
      { country: 'vn', liaisonId: 'liaison-ba' },
    ],
    targetCount: 2,
    endsAt: inSeconds(600),
    ...o,
  }),
  intern: (o: Record<string, unknown> = {}) => ({
    kind: 'intern-placement',
    ...header('intern', 'intern-program', 'Stage de Camille à l’UNESCO'),
    internId: 'intern-2027-042',
    screeningGroup: 'intern-office',
    preDeparture: ['visa', 'insurance'],
    placementStartsAt: inSeconds(1),
    placementEndsAt: inSeconds(3),
    ...o,
  }),
  canadaEu: (o: Record<string, unknown> = {}) => ({
    kind: 'canada-eu-negotiation',
    ...header('ceta', 'eu', 'Négociation Canada–UE'),
    chapters: [
      { chapter: 'procurement', expertId: 'expert-gagnon' },
      { chapter: 'culture', expertId: 'expert-leduc' },
    ],
    consultation: [
      { group: 'cities', liaisonId: 'liaison-roy' },
      { group: 'universities', liaisonId: 'liaison-ba' },
    ],
    mandateApproverIds: ['dm-commerce'],
    ...o,
  }),
  washington: (o: Record<string, unknown> = {}) => ({
    kind: 'washington-watch',
    ...header('dc-watch', 'oas', 'Veille OEA et Banque mondiale'),
    institutions: ['oas', 'world-bank'],
    analystId: 'analyst-fortin',
    ...o,
  }),
  agreement: (o: Record<string, unknown> = {}) => ({
    kind: 'international-agreement',
    ...header('entente', 'bilateral', 'Entente de coopération Québec–Jalisco'),
    counterpartType: 'federated-state',
    counterpartCode: 'mx-jal',
    mandateApproverIds: ['dm-international'],
    negotiatorId: 'expert-diaz',
    legalAdvisorId: 'expert-morin',
    rounds: [{ date: inSeconds(60) }],
    signatureDate: inSeconds(600),
    important: false,
    followUpReports: 1,
    ...o,
  }),
  mission: (o: Record<string, unknown> = {}) => ({
    kind: 'bilateral-mission',
    ...header('mission', 'bilateral', 'Mission au Jalisco'),
    direction: 'outgoing',
    countryCode: 'mx',
    federatedStateCode: 'mx-jal',
    delegationIds: ['expert-diaz'],
    meetings: [
      { code: 'governor', briefingAuthorId: 'expert-diaz' },
      { code: 'universities', briefingAuthorId: 'expert-caron' },
    ],
    missionDate: inSeconds(60),
    followUpActions: [{ action: 'trade-office-visit', ownerId: 'expert-morin', dueAt: inSeconds(3600) }],
    ...o,
  }),
  office: (o: Record<string, unknown> = {}) => ({
    kind: 'office-redeployment',
    ...header('office', 'network', 'Ouverture d’un bureau à Monterrey'),
    action: 'open',
    officeCode: 'dakar',
    countryCode: 'sn',
    rationale: 'Marché prioritaire du plan.',
    estimatedCost: 850000,
    analystId: 'analyst-fortin',
    decisionApproverIds: ['dm-international'],
    preparations: [
      { code: 'lease', area: 'premises', ownerId: 'expert-morin' },
      { code: 'head-of-post', area: 'staffing', ownerId: 'coord-lavoie' },
    ],
    effectiveDate: inSeconds(60),
    ...o,
  }),
  exchange: (o: Record<string, unknown> = {}) => ({
    kind: 'partner-regions-exchange',
    ...header('partner-regions', 'partner-regions', 'Appel à projets des régions partenaires'),
    themes: ['educational', 'environmental', 'scientific'],
    closesAt: inSeconds(60),
    screenerId: 'expert-caron',
    selectionCommitteeIds: ['dm-international'],
    projectYears: 1,
    ...o,
  }),
};

/** A sound participation header, for the workflows' own input checks; each kind's spec adds its `kind` and fields. */
export const workflowInputHeader = {
  participationId: '5f0c1f8e-2b7a-4c1e-9d3a-6a1b2c3d4e5f',
  businessKey: 'key',
  title: 'Titre',
  forum: 'aer',
  coordinatorId: 'coord',
  locale: 'fr',
  launchedAt: '2027-01-01T00:00:00Z',
};

/** Task durations every kind's input carries. */
export const workflowInputTiming = { taskDueMs: 1000, taskReminderBeforeMs: 0 };
