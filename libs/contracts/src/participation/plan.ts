/*
 * The government's international plan: its priorities and their key
 * initiatives, each a stable code with its French and English label. Every
 * kind of process is tied to one initiative (workflows/<kind>/<kind>.kind.ts,
 * `plan`), so the plan's report counts what was done per initiative.
 */

export interface PlanLabel {
  fr: string;
  en: string;
}

export const PLAN_PRIORITIES = {
  'international-forums': {
    fr: 'Faire entendre la voix du Québec dans les organisations et forums internationaux',
    en: "Make Québec's voice heard in international organizations and forums",
  },
  'decision-makers': {
    fr: 'Intensifier les relations avec les décideurs politiques et économiques des pays, États fédérés et régions',
    en: 'Intensify relations with political and economic decision-makers of countries, federated states and regions',
  },
} as const satisfies Record<string, PlanLabel>;

export type PlanPriority = keyof typeof PLAN_PRIORITIES;

/** Each key initiative, under the priority it serves. */
export const PLAN_INITIATIVES = {
  'trade-negotiations': {
    priority: 'international-forums',
    fr: 'Défendre les intérêts du Québec dans les négociations commerciales',
    en: "Defend Québec's interests in trade negotiations",
  },
  'unesco-presence': {
    priority: 'international-forums',
    fr: 'Présence permanente à l’UNESCO',
    en: 'Permanent presence at UNESCO',
  },
  'cultural-diversity': {
    priority: 'international-forums',
    fr: 'Mise en œuvre de la Convention sur la diversité des expressions culturelles',
    en: 'Implementing the Convention on the Diversity of Cultural Expressions',
  },
  'expertise-abroad': {
    priority: 'international-forums',
    fr: 'Placer stagiaires et experts dans les organisations internationales',
    en: 'Placing interns and experts in international organizations',
  },
  'multilateral-watch': {
    priority: 'international-forums',
    fr: 'Suivre l’OEA et la Banque mondiale',
    en: 'Following the OAS and the World Bank',
  },
  'federal-framework': {
    priority: 'international-forums',
    fr: 'Un cadre stable et prévisible avec le gouvernement fédéral',
    en: 'A stable and predictable framework with the federal government',
  },
  'north-american-partnership': {
    priority: 'decision-makers',
    fr: 'Renforcer les liens avec les États américains et mexicains',
    en: 'Reinforcing ties with American and Mexican states',
  },
  'regional-networks': {
    priority: 'decision-makers',
    fr: 'Forums de régions : ARE, REGLEG, Régions partenaires',
    en: 'Regional forums: AER, REGLEG, Partner Regions',
  },
  'partner-regions-exchanges': {
    priority: 'decision-makers',
    fr: 'Échanges avec les Régions partenaires',
    en: 'Exchanges with the Partner Regions',
  },
  'network-redeployment': {
    priority: 'decision-makers',
    fr: 'Redéployer le réseau des représentations à l’étranger',
    en: 'Redeploying the network of offices abroad',
  },
} as const satisfies Record<string, PlanLabel & { priority: PlanPriority }>;

export type PlanInitiative = keyof typeof PLAN_INITIATIVES;

/** An initiative's code with its own priority: the compiler refuses a pair the plan does not have. */
export type PlanTie = {
  [I in PlanInitiative]: { priority: (typeof PLAN_INITIATIVES)[I]['priority']; initiative: I };
}[PlanInitiative];

/**
 * What the plan's report counts beyond participations and tasks. A kind says
 * which of its phases, once entered, counts as one (an intern placed when the
 * placement starts, an agreement signed when it enters its post-signature phase).
 */
export const PLAN_MILESTONES = {
  'interns-placed': { fr: 'Stagiaires placés', en: 'Interns placed' },
  'experts-in-task-forces': { fr: 'Experts en groupe de travail', en: 'Experts in task forces' },
  'ratifications-obtained': { fr: 'Ratifications obtenues', en: 'Ratifications obtained' },
  'agreements-signed': { fr: 'Ententes signées', en: 'Agreements signed' },
  'missions-held': { fr: 'Missions réalisées', en: 'Missions held' },
} as const satisfies Record<string, PlanLabel>;

export type PlanMilestone = keyof typeof PLAN_MILESTONES;

/** A kind's place in the plan, and the phases of its own that count as milestones. */
export type KindPlan = PlanTie & { milestones?: Partial<Record<PlanMilestone, readonly string[]>> };
