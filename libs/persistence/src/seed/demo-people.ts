import type { DataSource } from 'typeorm';
import { PersonEntity } from '../entities/person.entity';

/** A small cast for demos and tests: one of each role, two experts sharing a group, both languages. */
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
];

/** Inserts or refreshes the demo people; safe to run at every start. */
export async function seedDemoPeople(dataSource: DataSource): Promise<number> {
  await dataSource.getRepository(PersonEntity).upsert(
    DEMO_PEOPLE.map((person) => ({ groups: [], expertiseAreas: [], languages: [], organization: '', active: true, ...person })),
    ['id'],
  );
  return DEMO_PEOPLE.length;
}
