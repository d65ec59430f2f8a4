import { enErrors } from './en/errors';
import { enValidation } from './en/validation';
import { enProcess } from './en/process';
import { enSupervision } from './en/supervision';
import { enNotifications } from './en/notifications';
import { enFields } from './en/fields';
import { frErrors } from './fr/errors';
import { frValidation } from './fr/validation';
import { frProcess } from './fr/process';
import { frSupervision } from './fr/supervision';
import { frNotifications } from './fr/notifications';
import { frFields } from './fr/fields';

/**
 * What the kit and the API say, in French (the ministry's language, the
 * default) and English, one folder per language, one file per area. A kind's
 * own words live in its folder (`workflows/<kind>/<kind>.strings.ts`).
 */
export const fr = { ...frErrors, ...frValidation, ...frProcess, ...frSupervision, ...frNotifications, ...frFields };
export type MessageKey = keyof typeof fr;
export const en: Record<MessageKey, string> = {
  ...enErrors,
  ...enValidation,
  ...enProcess,
  ...enSupervision,
  ...enNotifications,
  ...enFields,
};
