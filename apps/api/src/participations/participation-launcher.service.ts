import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@lib/config';
import {
  participationWorkflowId,
  SA_COORDINATOR,
  SA_FORUM,
  SA_PARTICIPATION_KIND,
  SA_PHASE,
  translate,
  type Locale,
  type MessageKey,
  type ParticipationHeader,
  type ParticipationKind,
} from '@lib/contracts';
import { ParticipationEntity } from '@lib/persistence';
import { DomainError } from '../common/domain-error';
import { fromTemporalError } from '../common/temporal-errors';
import { KIND_LAUNCHERS } from './kinds/kind-registry';
import type { ValidatedLaunch } from './kinds/launch-body.pipe';

export interface LaunchResult {
  id: string;
  workflowId: string;
  kind: string;
  businessKey: string;
  /** False when the worker had not yet recorded the participation within LAUNCH_PROJECTION_WAIT. */
  projected: boolean;
}

/**
 * Starts a participation workflow. Its id is `<kind>/<business key>` and the
 * start refuses an existing id (running or closed), so a second launch of the
 * same participation is a 409 decided by Temporal, with no read-then-write race.
 */
@Injectable()
export class ParticipationLauncher {
  constructor(
    private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(ParticipationEntity) private readonly participations: Repository<ParticipationEntity>,
  ) {}

  async launch({ kind, dto }: ValidatedLaunch, locale: Locale): Promise<LaunchResult> {
    const launcher = KIND_LAUNCHERS[kind as ParticipationKind];
    if (!launcher) throw new Error(`no launcher for ${kind}`);
    const workflowId = participationWorkflowId(launcher.kind, dto.businessKey);
    const header: ParticipationHeader = {
      participationId: randomUUID(),
      kind: launcher.kind,
      businessKey: dto.businessKey,
      title: dto.title,
      forum: dto.forum,
      coordinatorId: dto.coordinatorId,
      locale,
      launchedAt: new Date().toISOString(),
    };
    try {
      await this.client.workflow.start(launcher.workflowType, {
        workflowId,
        taskQueue: this.config.temporal.taskQueue,
        args: [launcher.toInput(dto, header, this.config)],
        workflowIdConflictPolicy: 'FAIL',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        typedSearchAttributes: [
          { key: SA_PARTICIPATION_KIND, value: launcher.kind },
          { key: SA_FORUM, value: dto.forum },
          { key: SA_PHASE, value: 'launched' },
          { key: SA_COORDINATOR, value: dto.coordinatorId },
        ],
        staticSummary: translate(locale, 'ui.summary', {
          kindLabel: translate(locale, `kind.${launcher.kind}` as MessageKey),
          title: dto.title,
        }),
        staticDetails: translate(locale, 'ui.details', { ...header, startedAt: header.launchedAt }),
      });
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) {
        throw new DomainError('duplicate', 'error.duplicateParticipation', { workflowId });
      }
      throw fromTemporalError(err, workflowId);
    }
    const projected = await this.waitForProjection(header.participationId);
    return { id: header.participationId, workflowId, kind: launcher.kind, businessKey: dto.businessKey, projected };
  }

  /** Lets a caller read what it just launched: waits, briefly, for the worker's first write. */
  private async waitForProjection(id: string): Promise<boolean> {
    const deadline = Date.now() + this.config.durations.launchProjectionWaitMs;
    // First look soon: on an idle stack the worker's first write lands within tens of ms.
    // Back off to 100 ms so that, when the worker lags, waiting launches do not flood PostgreSQL.
    for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
      if (await this.participations.exists({ where: { id } })) return true;
      if (Date.now() + pause > deadline) return false;
      await delay(pause);
    }
  }
}
