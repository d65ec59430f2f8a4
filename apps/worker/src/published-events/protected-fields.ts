import { PROTECTED_EVENT_FIELDS } from '@lib/contracts';

const PROTECTED = new Set<string>(PROTECTED_EVENT_FIELDS);

/** Splits a journal value into what every subscriber reads and the free text only allowed subscribers read. */
export function splitProtected(value: Record<string, unknown>): { open: Record<string, unknown>; hidden: Record<string, unknown> } {
  const open: Record<string, unknown> = {};
  const hidden: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(value)) {
    if (field === undefined || field === null) continue;
    (PROTECTED.has(name) ? hidden : open)[name] = field;
  }
  return { open, hidden };
}
