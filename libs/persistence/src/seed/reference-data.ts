/*
 * The reference lists as the ReferenceData migration first fills them: the
 * plan's forums and organizations, the countries and federated states the
 * kinds name, and the network of offices abroad. Later changes go through the
 * admin endpoints (or a new migration), never by editing these rows: codes
 * are stable.
 */

type Row = [code: string, nameFr: string, nameEn: string, type: string];

export const SEED_FORUMS: Row[] = [
  ['wto', 'Organisation mondiale du commerce (OMC)', 'World Trade Organization (WTO)', 'organization'],
  ['unesco', 'UNESCO', 'UNESCO', 'organization'],
  ['oas', 'Organisation des États américains (OEA)', 'Organization of American States (OAS)', 'organization'],
  ['world-bank', 'Banque mondiale', 'World Bank', 'organization'],
  ['aer', 'Assemblée des régions d’Europe (ARE)', 'Assembly of European Regions (AER)', 'forum'],
  ['regleg', 'Conférence des régions à pouvoir législatif (REGLEG)', 'Conference of Regions with Legislative Power (REGLEG)', 'forum'],
  [
    'partner-regions',
    'Conférence des chefs de gouvernement des Régions partenaires',
    'Conference of Heads of Government of Partner Regions',
    'forum',
  ],
  ['spp', 'Partenariat nord-américain pour la sécurité et la prospérité (PSP)', 'Security and Prosperity Partnership (SPP)', 'forum'],
  ['canada-eu', 'Négociations Canada–Union européenne', 'Canada–EU negotiations', 'forum'],
  ['eu', 'Union européenne', 'European Union', 'organization'],
  [
    'oecd',
    'Organisation de coopération et de développement économiques (OCDE)',
    'Organisation for Economic Co-operation and Development (OECD)',
    'organization',
  ],
  ['un', 'Organisation des Nations unies (ONU)', 'United Nations (UN)', 'organization'],
  [
    'francophonie',
    'Organisation internationale de la Francophonie (OIF)',
    'International Organisation of La Francophonie (OIF)',
    'organization',
  ],
  ['intern-program', 'Programme de stages internationaux', 'International internship program', 'program'],
  // Where no multilateral forum carries the work: agreements and missions with a state, the network of offices abroad.
  ['bilateral', 'Relations bilatérales', 'Bilateral relations', 'program'],
  ['network', 'Réseau des représentations à l’étranger', 'Network of offices abroad', 'program'],
];

export const SEED_COUNTRIES: [...Row, countryCode: string | null][] = [
  ['ca', 'Canada', 'Canada', 'country', null],
  ['us', 'États-Unis', 'United States', 'country', null],
  ['mx', 'Mexique', 'Mexico', 'country', null],
  ['fr', 'France', 'France', 'country', null],
  ['be', 'Belgique', 'Belgium', 'country', null],
  ['gb', 'Royaume-Uni', 'United Kingdom', 'country', null],
  ['de', 'Allemagne', 'Germany', 'country', null],
  ['at', 'Autriche', 'Austria', 'country', null],
  ['it', 'Italie', 'Italy', 'country', null],
  ['es', 'Espagne', 'Spain', 'country', null],
  ['ch', 'Suisse', 'Switzerland', 'country', null],
  ['br', 'Brésil', 'Brazil', 'country', null],
  ['sn', 'Sénégal', 'Senegal', 'country', null],
  ['vn', 'Viet Nam', 'Viet Nam', 'country', null],
  ['cn', 'Chine', 'China', 'country', null],
  ['jp', 'Japon', 'Japan', 'country', null],
  ['in', 'Inde', 'India', 'country', null],
  ['za', 'Afrique du Sud', 'South Africa', 'country', null],
  ['ht', 'Haïti', 'Haiti', 'country', null],
  ['ma', 'Maroc', 'Morocco', 'country', null],
  ['us-ny', 'État de New York', 'New York State', 'federated-state', 'us'],
  ['us-ma', 'Massachusetts', 'Massachusetts', 'federated-state', 'us'],
  ['us-vt', 'Vermont', 'Vermont', 'federated-state', 'us'],
  ['us-me', 'Maine', 'Maine', 'federated-state', 'us'],
  ['us-il', 'Illinois', 'Illinois', 'federated-state', 'us'],
  ['us-ca', 'Californie', 'California', 'federated-state', 'us'],
  ['us-ga', 'Géorgie (États-Unis)', 'Georgia (United States)', 'federated-state', 'us'],
  ['us-tx', 'Texas', 'Texas', 'federated-state', 'us'],
  ['mx-cmx', 'Ville de Mexico', 'Mexico City', 'federated-state', 'mx'],
  ['mx-jal', 'Jalisco', 'Jalisco', 'federated-state', 'mx'],
  ['mx-nle', 'Nuevo León', 'Nuevo León', 'federated-state', 'mx'],
  ['de-by', 'Bavière', 'Bavaria', 'federated-state', 'de'],
  ['at-4', 'Haute-Autriche', 'Upper Austria', 'federated-state', 'at'],
  ['cn-sd', 'Shandong', 'Shandong', 'region', 'cn'],
  ['br-sp', 'État de São Paulo', 'São Paulo State', 'federated-state', 'br'],
  ['za-wc', 'Cap-Occidental', 'Western Cape', 'region', 'za'],
];

export const SEED_OFFICES: [...Row, city: string, countryCode: string, status: string][] = [
  ['paris', 'Délégation générale du Québec à Paris', 'Québec Government Office in Paris', 'general-delegation', 'Paris', 'fr', 'open'],
  [
    'brussels',
    'Délégation générale du Québec à Bruxelles',
    'Québec Government Office in Brussels',
    'general-delegation',
    'Bruxelles',
    'be',
    'open',
  ],
  [
    'london',
    'Délégation générale du Québec à Londres',
    'Québec Government Office in London',
    'general-delegation',
    'Londres',
    'gb',
    'open',
  ],
  [
    'new-york',
    'Délégation générale du Québec à New York',
    'Québec Government Office in New York',
    'general-delegation',
    'New York',
    'us',
    'open',
  ],
  [
    'mexico',
    'Délégation générale du Québec à Mexico',
    'Québec Government Office in Mexico City',
    'general-delegation',
    'Mexico',
    'mx',
    'open',
  ],
  ['tokyo', 'Délégation générale du Québec à Tokyo', 'Québec Government Office in Tokyo', 'general-delegation', 'Tokyo', 'jp', 'open'],
  ['munich', 'Délégation du Québec à Munich', 'Québec Office in Munich', 'delegation', 'Munich', 'de', 'open'],
  ['rome', 'Délégation du Québec à Rome', 'Québec Office in Rome', 'delegation', 'Rome', 'it', 'open'],
  ['boston', 'Délégation du Québec à Boston', 'Québec Office in Boston', 'delegation', 'Boston', 'us', 'open'],
  ['chicago', 'Délégation du Québec à Chicago', 'Québec Office in Chicago', 'delegation', 'Chicago', 'us', 'open'],
  ['los-angeles', 'Délégation du Québec à Los Angeles', 'Québec Office in Los Angeles', 'delegation', 'Los Angeles', 'us', 'open'],
  ['washington', 'Bureau du Québec à Washington', 'Québec Office in Washington', 'office', 'Washington', 'us', 'open'],
  ['atlanta', 'Bureau du Québec à Atlanta', 'Québec Office in Atlanta', 'office', 'Atlanta', 'us', 'open'],
  ['beijing', 'Bureau du Québec à Beijing', 'Québec Office in Beijing', 'office', 'Beijing', 'cn', 'open'],
  ['sao-paulo', 'Bureau du Québec à São Paulo', 'Québec Office in São Paulo', 'trade-office', 'São Paulo', 'br', 'open'],
  ['dakar', 'Bureau du Québec à Dakar', 'Québec Office in Dakar', 'office', 'Dakar', 'sn', 'planned'],
];
