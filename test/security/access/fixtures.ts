import { randomUUID } from 'node:crypto';
import {
  CountryEntity,
  ForumEntity,
  GroupEntity,
  OfficeEntity,
  PersonEntity,
  WebhookSubscriptionEntity,
} from '../../../libs/persistence/src';
import { inSeconds } from '../../helpers/process-api';
import { launchBodies } from '../../helpers/kind-fixtures';
import { participationApi } from '../../helpers/participation-api';
import { driveTo as driveParticipation } from '../../helpers/round-driver';
import type { TestStack } from '../../helpers/test-stack';
import { wtoLaunchBody } from '../../helpers/wto-round.fixtures';

/** Ten issue areas, all for one expert: two tasks the refused callers aim at, the rest handed out one per accepted call. */
const AREAS = ['agriculture', 'services', 'fisheries', 'forestry', 'culture', 'energy', 'transport', 'health', 'textiles', 'mining'];

export interface SharedRound {
  id: string;
  businessKey: string;
  /** Open, assigned to the expert. */
  openTask: string;
  /** Claimed by the expert. */
  claimedTask: string;
}

/**
 * What the access table's requests aim at. The shared fixtures are for the
 * refused calls (which must change nothing); every call that is meant to
 * succeed gets something of its own, in the state its step needs, so the
 * answers do not depend on the order the calls are made in.
 */
export function accessFixtures(stack: TestStack) {
  const api = participationApi(stack);
  const coordinator = 'coord-lavoie';
  const suffix = randomUUID().slice(0, 8);
  const memo = new Map<string, Promise<unknown>>();
  const once = <T>(name: string, make: () => Promise<T>): Promise<T> => {
    if (!memo.has(name)) memo.set(name, make());
    return memo.get(name) as Promise<T>;
  };
  /** Tasks of the shared round handed out one per accepted call. */
  let pool: string[] = [];

  const driveTo = (id: string, target: string, approverId = 'dm-international') =>
    driveParticipation(stack.http, id, target, { approverId, timeoutMs: 60_000 });

  async function launch(body: object): Promise<string> {
    return (await api.launch(body)).id;
  }

  const round = () =>
    once('round', async (): Promise<SharedRound> => {
      const body = wtoLaunchBody({
        issueAreas: AREAS.map((area) => ({ area, expertId: 'expert-tremblay' })),
        sessions: [
          { date: inSeconds(6 * 3600), leadExpertId: 'expert-tremblay' },
          { date: inSeconds(12 * 3600), leadExpertId: 'expert-tremblay' },
        ],
      });
      const id = await launch(body);
      await driveTo(id, 'position-drafting');
      const [open, claimed, ...rest] = await api.waitForOpenTasks(id, 'position', AREAS.length);
      await stack.http('expert-tremblay').post(`/tasks/${claimed.id}/claim`).expect(200);
      pool = rest.map((t) => t.id);
      return { id, businessKey: body.businessKey, openTask: open.id, claimedTask: claimed.id };
    });

  const fixtures = {
    round,
    /** An open task of the shared round, assigned to the expert, used by no one else. */
    async freshTask(): Promise<string> {
      await round();
      const id = pool.shift();
      if (!id) throw new Error(`the shared round has only ${AREAS.length} tasks: add issue areas`);
      return id;
    },
    /** A task of the shared round claimed by the expert, used by no one else. */
    async claimedTask(): Promise<string> {
      const id = await this.freshTask();
      await stack.http('expert-tremblay').post(`/tasks/${id}/claim`).expect(200);
      return id;
    },
    launchBody(coordinatorId = coordinator) {
      return wtoLaunchBody({ coordinatorId, businessKey: `access-${randomUUID().slice(0, 8)}` });
    },
    /** A round waiting for the federal answer. */
    async roundAwaitingFederal(): Promise<string> {
      const id = await launch(wtoLaunchBody());
      await api.waitForPhase(id, 'federal-coordination');
      return id;
    },
    /** A round whose mandate waits for `approverId`'s decision. */
    mandateAwaiting: (approverId: string) =>
      once(`mandate:${approverId}`, async () => {
        const id = await launch(
          wtoLaunchBody({
            issueAreas: [{ area: 'agriculture', expertId: 'expert-tremblay' }],
            mandateApproverIds: [approverId],
            sessions: [],
          }),
        );
        await driveTo(id, 'mandate-approval', approverId);
        return id;
      }),
    /** An expert nomination waiting for `approverId`'s decision. */
    nominationAwaiting: (approverId: string) =>
      once(`nomination:${approverId}`, async () => {
        const id = await launch(
          launchBodies.expertTaskForce({ nominationApproverIds: [approverId], meetings: [{ date: inSeconds(3600) }] }),
        );
        await driveTo(id, 'nomination-approval', approverId);
        return id;
      }),
    /** A round in its closing phase. */
    async roundInClosing(): Promise<string> {
      const id = await launch(wtoLaunchBody({ issueAreas: [{ area: 'agriculture', expertId: 'expert-tremblay' }], sessions: [] }));
      await driveTo(id, 'closing');
      return id;
    },
    /** A Canada–EU negotiation at the end of its first round. */
    async negotiationAtRoundEnd(): Promise<string> {
      const id = await launch(launchBodies.canadaEu());
      await driveTo(id, 'negotiation-round', 'dm-commerce');
      return id;
    },
    /** A Washington watch, monitoring (or paused). */
    async watch({ paused = false } = {}): Promise<string> {
      const id = await launch(launchBodies.washington());
      await api.waitForPhase(id, 'monitoring');
      if (paused) await stack.http(coordinator).post(`/participations/${id}/monitoring/pause`).send({ note: 'Pause.' }).expect(200);
      return id;
    },
    /** A participation that may be cancelled. */
    async freshRound(): Promise<string> {
      return launch(wtoLaunchBody());
    },
    /** A round of its own whose session s1 is scheduled hours ahead: a session may be cancelled once. */
    async freshRoundWithSession(): Promise<string> {
      return launch(wtoLaunchBody({ sessions: [{ date: inSeconds(6 * 3600), leadExpertId: 'expert-tremblay' }] }));
    },
    /** A round of its own in position drafting, with one task for `expertId`. */
    async roundWithTaskOf(expertId: string): Promise<string> {
      const id = await launch(wtoLaunchBody({ issueAreas: [{ area: 'agriculture', expertId }], sessions: [] }));
      await driveTo(id, 'position-drafting');
      await api.waitForOpenTasks(id, 'position', 1);
      return id;
    },
    /** A person of the directory that the admin endpoints act on (`name` tells them apart), active. */
    person: (name: string) =>
      once(`person:${name}`, async () => {
        const id = `access-${name}-${suffix}`;
        await stack.dataSource
          .getRepository(PersonEntity)
          .insert({ id, displayName: `Accès ${name}`, email: `${id}@example.org`, roles: ['expert'] });
        return id;
      }),
    /** A group of the directory that the admin endpoints act on, active. */
    group: (name: string) =>
      once(`group:${name}`, async () => {
        const code = `access-${name}-${suffix}`;
        await stack.dataSource.getRepository(GroupEntity).insert({ code, nameFr: `Accès ${name}`, nameEn: `Access ${name}` });
        return code;
      }),
    /** An entry of a reference list (a forum) that the admin endpoints act on, in use. */
    forum: (name: string) =>
      once(`forum:${name}`, async () => {
        const code = `access-${name}-${suffix}`;
        await stack.dataSource
          .getRepository(ForumEntity)
          .insert({ code, nameFr: `Accès ${name}`, nameEn: `Access ${name}`, type: 'forum' });
        return code;
      }),
    country: (name: string) =>
      once(`country:${name}`, async () => {
        const code = `access-${name}-${suffix}`;
        await stack.dataSource
          .getRepository(CountryEntity)
          .insert({ code, nameFr: `Accès ${name}`, nameEn: `Access ${name}`, type: 'region', countryCode: 'us' });
        return code;
      }),
    office: (name: string) =>
      once(`office:${name}`, async () => {
        const code = `access-${name}-${suffix}`;
        await stack.dataSource.getRepository(OfficeEntity).insert({
          code,
          nameFr: `Accès ${name}`,
          nameEn: `Access ${name}`,
          type: 'office',
          city: 'Boston',
          countryCode: 'us',
          status: 'planned',
        });
        return code;
      }),
    /** A Partner Regions call for proposals, open for hours: partners answer it. */
    openCall: () =>
      once('open-call', async () => {
        const id = await launch(launchBodies.exchange({ closesAt: inSeconds(6 * 3600) }));
        await api.waitForPhase(id, 'call-open');
        return id;
      }),
    /** A webhook subscription that nothing reaches (inactive, filtered on no forum); `name` tells them apart. */
    subscription: (name: string) =>
      once(`subscription:${name}`, async () => {
        const row = await stack.dataSource.getRepository(WebhookSubscriptionEntity).save({
          url: 'http://127.0.0.1:9/access',
          forums: [`access-none-${suffix}`],
          secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
          active: false,
          createdBy: 'admin',
        });
        return row.id;
      }),
    /** A dead-lettered delivery (to an inactive subscription: replayed, it dies again at once). */
    deadLetter: async () => {
      const subscriptionId = await fixtures.subscription('dead');
      const [{ seq }] = await stack.dataSource.query<{ seq: string }[]>(
        `INSERT INTO event_outbox (event_id, entry_key, type, subject, participation_id, kind, forum, occurred_at, data)
         VALUES ($1, $2, 'ca.qc.mri.participations.participation.launched', 'wto-round/access', $3, 'wto-round', 'wto', now(), '{}')
         RETURNING seq`,
        [randomUUID(), `access-${randomUUID()}`, randomUUID()],
      );
      const [{ id }] = await stack.dataSource.query<{ id: string }[]>(
        `INSERT INTO event_deliveries (seq, target, subscription_id, participation_id, status, last_error)
         SELECT seq, 'webhook:' || $2::text, $2::uuid, participation_id, 'dead', 'access fixture' FROM event_outbox WHERE seq = $1 RETURNING id`,
        [seq, subscriptionId],
      );
      return String(id);
    },
    /** A new, unused identifier. */
    newId: (prefix: string) => `access-${prefix}-${randomUUID().slice(0, 8)}`,
  };
  return fixtures;
}

export type AccessFixtures = ReturnType<typeof accessFixtures>;
