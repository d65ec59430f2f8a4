import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TaskItem } from '../api/types';
import { useConsole, useMe } from '../app/console-context';
import { useI18n } from '../i18n/i18n';
import { Refusal } from '../ui/Refusal';
import { canClaim, canUnclaim } from './task-fields';

/** Claim and give back: offered only where claiming means something (a group task nobody holds). */
export function ClaimButtons({ task, onDone }: { task: TaskItem; onDone?: (message: string) => void }) {
  const { t } = useI18n();
  const { api } = useConsole();
  const me = useMe();
  const queryClient = useQueryClient();
  const act = useMutation({
    mutationFn: (verb: 'claim' | 'unclaim') => api.post(`/tasks/${task.id}/${verb}`),
    onSuccess: async (_result, verb) => {
      onDone?.(t(verb === 'claim' ? 'task.claimed' : 'task.unclaimed'));
      await queryClient.invalidateQueries({ queryKey: ['tasks'] });
      await queryClient.invalidateQueries({ queryKey: ['task', task.id] });
    },
  });
  return (
    <>
      {canClaim(task, me) ? (
        <button
          type="button"
          onClick={() => act.mutate('claim')}
          disabled={act.isPending}
          aria-label={`${t('inbox.claim')} : ${task.title}`}
        >
          {t('inbox.claim')}
        </button>
      ) : null}
      {canUnclaim(task, me) ? (
        <button
          type="button"
          className="secondary"
          onClick={() => act.mutate('unclaim')}
          disabled={act.isPending}
          aria-label={`${t('inbox.unclaim')} : ${task.title}`}
        >
          {t('inbox.unclaim')}
        </button>
      ) : null}
      {act.isError ? <Refusal error={act.error} /> : null}
    </>
  );
}
