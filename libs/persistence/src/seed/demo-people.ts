import type { DataSource } from 'typeorm';
import { GroupEntity } from '../entities/group.entity';
import { PersonEntity } from '../entities/person.entity';

/** The demo's candidate groups (shared inboxes), each with at least two members in DEMO_PEOPLE. */
export const DEMO_GROUPS: Array<Pick<GroupEntity, 'code' | 'nameFr' | 'nameEn'>> = [
  { code: 'wto-experts', nameFr: 'Experts de l’OMC', nameEn: 'WTO experts' },
  { code: 'unesco-experts', nameFr: 'Experts de l’UNESCO', nameEn: 'UNESCO experts' },
  { code: 'intern-office', nameFr: 'Bureau des stages', nameEn: 'Internship office' },
];

/**
 * The cast of demos and tests, who sign in at the embedded provider: one of
 * each role, every person the README's examples and the tests' fixtures name,
 * and at least two members in every candidate group (wto-experts,
 * unesco-experts, intern-office), in both languages.
 */
export const DEMO_PEOPLE: Array<Partial<PersonEntity> & Pick<PersonEntity, 'id'>> = [
  {
    id: 'coord-lavoie',
    displayName: 'Marie Lavoie',
    email: 'marie.lavoie@example.org',
    language: 'fr',
    roles: ['coordinator'],
    organization: 'Direction des affaires multilatérales',
  },
  {
    id: 'dm-international',
    displayName: 'Jean Bouchard',
    email: 'jean.bouchard@example.org',
    language: 'fr',
    roles: ['coordinator'],
    organization: 'Sous-ministre adjoint',
  },
  {
    id: 'expert-tremblay',
    displayName: 'Sophie Tremblay',
    email: 'sophie.tremblay@example.org',
    language: 'fr',
    roles: ['expert'],
    groups: ['wto-experts'],
    expertiseAreas: ['agriculture'],
    languages: ['fr', 'en'],
    organization: 'MAPAQ',
  },
  {
    id: 'expert-nguyen',
    displayName: 'Linh Nguyen',
    email: 'linh.nguyen@example.org',
    language: 'en',
    roles: ['expert'],
    groups: ['wto-experts'],
    expertiseAreas: ['services'],
    languages: ['en', 'fr'],
    organization: 'Économie',
  },
  {
    id: 'expert-roy',
    displayName: 'Paul Roy',
    email: 'paul.roy@example.org',
    language: 'fr',
    roles: ['expert'],
    groups: ['unesco-experts'],
    expertiseAreas: ['culture'],
    languages: ['fr'],
    organization: 'Culture',
  },
  {
    id: 'sup-gagnon',
    displayName: 'Claire Gagnon',
    email: 'claire.gagnon@example.org',
    language: 'fr',
    roles: ['supervisor'],
    organization: 'Bureau du sous-ministre',
  },
  { id: 'admin', displayName: 'Administration', email: 'admin@example.org', language: 'fr', roles: ['admin'] },

  // Named by the README's examples and the tests' fixtures (approvers, liaisons, delegates, analysts, interns).
  person('dm-commerce', 'Nathalie Côté', ['coordinator'], { organization: 'Sous-ministre adjointe au commerce' }),
  person('federal-government', 'Liaison fédérale', ['coordinator'], { organization: 'Affaires mondiales Canada' }),
  person('expert-gagnon', 'Luc Gagnon', ['expert'], { expertiseAreas: ['procurement'], organization: 'Économie' }),
  person('expert-leduc', 'Anne Leduc', ['expert'], { expertiseAreas: ['culture'], organization: 'Culture' }),
  person('expert-morin', 'Julie Morin', ['expert'], { expertiseAreas: ['regulation'], organization: 'Économie' }),
  person('expert-diaz', 'Carlos Díaz', ['expert'], { language: 'en', languages: ['en', 'es', 'fr'], expertiseAreas: ['borders'] }),
  person('expert-caron', 'Isabelle Caron', ['expert'], { expertiseAreas: ['regions'] }),
  person('expert-nadeau', 'Marc Nadeau', ['expert'], { expertiseAreas: ['regions'] }),
  person('expert-pelletier', 'Chantal Pelletier', ['expert'], {
    groups: ['unesco-experts'],
    expertiseAreas: ['culture'],
    organization: 'Culture',
  }),
  person('liaison-roy', 'Éric Roy', ['expert'], { organization: 'Délégation générale à Paris' }),
  person('liaison-ba', 'Aminata Ba', ['expert'], { organization: 'Bureau à Dakar' }),
  person('delegate-ouellet', 'Pierre Ouellet', ['expert'], { organization: 'Délégation à Bruxelles' }),
  person('analyst-fortin', 'Geneviève Fortin', ['expert'], { organization: 'Délégation générale à Washington' }),
  person('rep-bouchard', 'Michel Bouchard', ['expert'], { organization: 'Délégation permanente auprès de l’UNESCO' }),
  person('rep-gauthier', 'Sylvie Gauthier', ['expert'], { organization: 'Délégation permanente auprès de l’UNESCO' }),
  person('intern-2027-042', 'Camille Girard', ['expert'], { organization: 'Programme de stages' }),
  person('officer-bergeron', 'Louise Bergeron', ['expert'], { groups: ['intern-office'], organization: 'Bureau des stages' }),
  person('officer-lapointe', 'Hugo Lapointe', ['expert'], { groups: ['intern-office'], organization: 'Bureau des stages' }),
  person('someone-else', 'Quelqu’un d’autre', ['expert']),

  // Partners: people of outside organizations (Partner Regions exchanges), who see only their organization's work.
  person('partner-weber', 'Anna Weber', ['partner'], {
    language: 'en',
    languages: ['en', 'de'],
    organization: 'Technische Universität München',
  }),
  person('partner-huber', 'Lukas Huber', ['partner'], {
    language: 'en',
    languages: ['en', 'de'],
    organization: 'Technische Universität München',
  }),
  person('partner-nkosi', 'Thandi Nkosi', ['partner'], {
    language: 'en',
    languages: ['en'],
    organization: 'University of the Western Cape',
  }),
];

function person(
  id: string,
  displayName: string,
  roles: string[],
  more: Partial<PersonEntity> = {},
): Partial<PersonEntity> & Pick<PersonEntity, 'id'> {
  const email = `${displayName
    .normalize('NFD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '.')}@example.org`;
  return { id, displayName, email, language: 'fr', roles, languages: ['fr'], ...more };
}

/** Inserts or refreshes the demo groups, then the demo people who belong to them; safe to run at every start. */
export async function seedDemoPeople(dataSource: DataSource): Promise<number> {
  await dataSource.getRepository(GroupEntity).upsert(
    DEMO_GROUPS.map((group) => ({ ...group, active: true })),
    ['code'],
  );
  await dataSource.getRepository(PersonEntity).upsert(
    DEMO_PEOPLE.map((person) => ({ groups: [], expertiseAreas: [], languages: [], organization: '', active: true, ...person })),
    ['id'],
  );
  return DEMO_PEOPLE.length;
}
