import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Client, WithStartWorkflowOperation, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@lib/config';
import {
  participationEventSignal,
  participationRegisteredUpdate,
  participationWorkflowId,
  readableDate,
  SA_COORDINATOR,
  SA_FORUM,
  SA_PARTICIPATION_KIND,
  SA_PHASE,
  type Locale,
  type ParticipationEvent,
  type ParticipationHeader,
} from '@lib/contracts';
import { ParticipationEntity } from '@lib/persistence';
import { hasRole, type Caller } from '../../auth/caller';
import { DomainError } from '../../common/domain-error';
import { DirectoryRefs } from '../../people/directory-refs.service';
import { messages, wordFor } from '../../common/messages';
import { fromTemporalError } from '../../common/temporal-errors';
import type { ValidatedLaunch } from './launch-body.pipe';
import { earlierLaunch, keepLaunchKey, launchMemo, type LaunchKey } from './launch-idempotency';

export interface LaunchResult {
  id: string;
  workflowId: string;
  kind: string;
  businessKey: string;
  /** False when the worker had not yet recorded the participation within LAUNCH_PROJECTION_WAIT (it will). */
  projected: boolean;
}

/**
 * Starts a participation workflow. Its id is `<kind>/<business key>` and the
 * start refuses an existing id (running or closed), so a second launch of the
 * same participation is a 409 decided by Temporal, with no read-then-write race.
 * An event that begins a process starts it the same way, with its signal.
 * With an Idempotency-Key, the caller's own retry gets its first answer instead.
 * Before anything starts, every person and group the body names is checked
 * against the directory (the fields marked @PersonRef and @GroupRef).
 */
@Injectable()
export class ParticipationLauncher {
  private readonly logger = new Logger(ParticipationLauncher.name);

  constructor(
    private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(ParticipationEntity) private readonly participations: Repository<ParticipationEntity>,
    private readonly refs: DirectoryRefs,
  ) {}

  /**
   * The caller coordinates what they launch unless the body names someone
   * else, which only an admin may do (403 otherwise); then every person and
   * group named must fit (400 naming each field).
   */
  async launch(launch: ValidatedLaunch, caller: Caller, locale: Locale, idempotencyKey?: LaunchKey): Promise<LaunchResult> {
    const named = launch.dto.coordinatorId;
    if (named !== undefined && named !== caller.id && !hasRole(caller, 'admin')) {
      throw new DomainError('not-allowed', 'error.launchOnBehalf', { coordinatorId: named });
    }
    launch.dto.coordinatorId = named ?? caller.id;
    await this.refs.check(launch.dto);
    const { workflowType, options, header } = this.prepare(launch, locale);
    const memo = idempotencyKey ? launchMemo(idempotencyKey, launch.dto, header.participationId) : undefined;
    const start = async (): Promise<{ participationId: string; projected?: boolean }> => {
      try {
        const projected = await this.startAndAwaitRegistration(workflowType, options, memo ?? { participationId: header.participationId });
        return { participationId: header.participationId, projected };
      } catch (err) {
        const earlier =
          err instanceof WorkflowExecutionAlreadyStartedError && idempotencyKey
            ? await earlierLaunch(this.client, options.workflowId, idempotencyKey, launch.dto)
            : undefined;
        if (!earlier) throw this.startError(err, options.workflowId);
        // An earlier launch: whether it is projected is read after the transaction, not while holding its connection.
        return { participationId: earlier };
      }
    };
    // With a key, the key is kept in the transaction that starts: both or neither.
    const { participationId, projected } =
      memo && idempotencyKey
        ? await this.participations.manager.transaction(async (manager) => {
            await keepLaunchKey(manager, memo, options.workflowId, idempotencyKey.key);
            return start();
          })
        : await start();
    return {
      id: participationId,
      workflowId: options.workflowId,
      kind: header.kind,
      businessKey: header.businessKey,
      projected: projected ?? (await this.waitForProjection(participationId)),
    };
  }

  /**
   * One request starts the workflow and asks it, with an Update, to answer once
   * its first projection write is committed: the launch answers without polling
   * and the caller can read what it launched. When the worker takes longer than
   * LAUNCH_PROJECTION_WAIT, the launch still answers (projected: false) if the
   * workflow did start, which its memo tells (the participation id is in it).
   */
  private async startAndAwaitRegistration(
    workflowType: string,
    options: ReturnType<ParticipationLauncher['prepare']>['options'],
    memo: { participationId: string },
  ): Promise<boolean> {
    const startWorkflowOperation = new WithStartWorkflowOperation(workflowType, {
      ...options,
      workflowIdConflictPolicy: 'FAIL',
      memo: { ...memo },
    });
    const deadline = Date.now() + this.config.durations.launchProjectionWaitMs;
    try {
      await this.client.withDeadline(deadline, () =>
        this.client.workflow.executeUpdateWithStart(participationRegisteredUpdate, { startWorkflowOperation }),
      );
      return true;
    } catch (err) {
      // The call's own deadline can fire a millisecond before the clock says it is due:
      // its error, not the clock, tells a late first write (a 500 at 10,000 open, issue 16).
      const late = err instanceof WorkflowUpdateRPCTimeoutOrCancelledError || Date.now() >= deadline;
      if (err instanceof WorkflowExecutionAlreadyStartedError || !late) throw err;
      const started = await this.client.workflow
        .getHandle(options.workflowId)
        .describe()
        .then(({ memo: found }) => (found as { participationId?: string } | undefined)?.participationId === memo.participationId)
        .catch(() => false);
      if (!started) throw err;
      this.logger.warn({ workflowId: options.workflowId }, 'participation started; its first write is late');
      return false;
    }
  }

  /**
   * Delivers an event to the participation, starting it first when it is not
   * running (an event that begins a process). Returns its workflow id.
   */
  async startWithEvent(launch: ValidatedLaunch, locale: Locale, event: ParticipationEvent): Promise<string> {
    // A service sends the event: it coordinates nothing, so the body must name who does.
    if (launch.dto.coordinatorId === undefined) {
      throw new DomainError('validation-failed', 'error.validation', {}, [{ field: 'data.coordinatorId', constraint: 'isNotEmpty' }]);
    }
    await this.refs.check(launch.dto, 'data');
    const { workflowType, options } = this.prepare(launch, locale);
    try {
      await this.client.workflow.signalWithStart(workflowType, {
        ...options,
        signal: participationEventSignal,
        signalArgs: [event],
      });
    } catch (err) {
      throw this.startError(err, options.workflowId);
    }
    return options.workflowId;
  }

  private prepare({ kind, dto }: ValidatedLaunch, locale: Locale) {
    // Filled in (or required) by launch() and startWithEvent() before they come here.
    const coordinatorId = dto.coordinatorId as string;
    const workflowId = participationWorkflowId(kind.kind, dto.businessKey);
    const header: ParticipationHeader = {
      participationId: randomUUID(),
      kind: kind.kind,
      businessKey: dto.businessKey,
      title: dto.title,
      forum: dto.forum,
      coordinatorId,
      locale,
      launchedAt: new Date().toISOString(),
    };
    const options = {
      workflowId,
      taskQueue: this.config.temporal.taskQueue,
      args: [kind.launch.toInput(dto, header, this.config)],
      workflowIdReusePolicy: 'REJECT_DUPLICATE' as const,
      typedSearchAttributes: [
        { key: SA_PARTICIPATION_KIND, value: kind.kind },
        { key: SA_FORUM, value: dto.forum },
        { key: SA_PHASE, value: 'launched' },
        { key: SA_COORDINATOR, value: coordinatorId },
      ],
      staticSummary: messages.t(locale, 'ui.summary', { kindLabel: wordFor(locale, 'kind', kind.kind), title: dto.title }),
      staticDetails: staticDetails(locale, header, kind.launch.keyDates?.(dto) ?? []),
    };
    return { workflowType: kind.workflowType, options, header };
  }

  private startError(err: unknown, workflowId: string): unknown {
    if (err instanceof WorkflowExecutionAlreadyStartedError) {
      return new DomainError('duplicate', 'error.duplicateParticipation', { workflowId });
    }
    return fromTemporalError(err, workflowId);
  }

  /** Lets a caller read what it just launched: waits, briefly, for the worker's first write. */
  private async waitForProjection(id: string): Promise<boolean> {
    const deadline = Date.now() + this.config.durations.launchProjectionWaitMs;
    // First look soon: on an idle stack the worker's first write lands within tens of ms.
    // Back off to 100 ms so that, when the worker lags, waiting launches do not flood PostgreSQL.
    for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
      // The workflow is started: a database outage now must not turn the launch into an error.
      const found = await this.participations.exists({ where: { id } }).catch((err: unknown) => {
        this.logger.warn({ err, id }, 'projection not readable; answering without it');
        return undefined;
      });
      if (found === undefined) return false;
      if (found) return true;
      if (Date.now() + pause > deadline) return false;
      await delay(pause);
    }
  }
}

/** The participation's page header in the Temporal UI (Markdown): who, where, when. */
function staticDetails(locale: Locale, header: ParticipationHeader, keyDates: string[]): string {
  const lines = [messages.t(locale, 'ui.details', { ...header, startedAt: readableDate(header.launchedAt) })];
  if (keyDates.length > 0) lines.push(messages.t(locale, 'ui.keyDates', { dates: keyDates.map(readableDate).join(', ') }));
  return lines.join('\n');
}
