import { timingSafeEqual, createHash } from 'node:crypto';
import { DataSource, type Repository } from 'typeorm';
import { PersonEntity } from '../../libs/persistence/src/entities/person.entity';

/** The accounts of the embedded provider: the active people of the `people` table, nothing else. */
export class PeopleAccounts {
  private constructor(
    private readonly dataSource: DataSource,
    private readonly people: Repository<PersonEntity>,
    private readonly password: string,
  ) {}

  static async connect(databaseUrl: string, password: string): Promise<PeopleAccounts> {
    const dataSource = new DataSource({ type: 'postgres', url: databaseUrl, entities: [PersonEntity], extra: { max: 4 } });
    await dataSource.initialize();
    return new PeopleAccounts(dataSource, dataSource.getRepository(PersonEntity), password);
  }

  /** The person behind a subject, when they are in the directory and active. */
  async findActive(id: string): Promise<PersonEntity | undefined> {
    if (!id || id.length > 200) return undefined;
    const person = await this.people.findOneBy({ id });
    return person?.active ? person : undefined;
  }

  /** The person who signs in with this id and the demo password; undefined for anyone else, whatever went wrong. */
  async authenticate(login: string, password: string): Promise<PersonEntity | undefined> {
    const person = await this.findActive(login.trim());
    return person && sameSecret(password, this.password) ? person : undefined;
  }

  close(): Promise<void> {
    return this.dataSource.destroy();
  }
}

/** Constant-time comparison of two secrets of any length. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * The claims a person's access token carries: roles and groups from the
 * directory, and the Temporal permissions (`<namespace>:<role>`) its server's
 * default claim mapper reads: supervisors read, admins administer. Both also
 * read at the cluster's level (`temporal-system:read`): the Temporal UI lists
 * the namespaces and the cluster's version first, and sends anyone refused
 * those back to its sign-in page.
 */
export function personTokenClaims(person: PersonEntity, temporalNamespace: string) {
  const permissions: string[] = [];
  if (person.roles.includes('admin')) permissions.push(`${temporalNamespace}:admin`, 'temporal-system:read');
  else if (person.roles.includes('supervisor')) permissions.push(`${temporalNamespace}:read`, 'temporal-system:read');
  return { roles: person.roles, groups: person.groups, permissions };
}

/** What the ID token and userinfo say of a person, by scope (the provider filters them). */
export function personProfile(person: PersonEntity) {
  return { sub: person.id, name: person.displayName, email: person.email, email_verified: true, locale: person.language };
}
