import { parseDuration } from './is-duration.validator';

/**
 * A setting that belongs to one process kind (how long an offer stays open,
 * how often a watch reports): the kind declares it in its own folder, the
 * registry hands every kind's to `loadConfig`, which validates them at start
 * with the rest and names each bad one.
 */
export interface DurationSetting {
  /** The environment variable, e.g. `INTERN_OFFER_DEADLINE`. */
  readonly name: string;
  /** Used when the variable is unset, e.g. `14 days`. */
  readonly default: string;
  /** For the configuration table in the docs. */
  readonly description: string;
  /** Milliseconds, from the validated configuration (or the default when loaded without this setting). */
  read(config: { settings: Readonly<Record<string, number>> }): number;
}

export function durationSetting(name: string, defaultValue: string, description: string): DurationSetting {
  const fallback = parseDuration(defaultValue);
  if (fallback === undefined) throw new Error(`${name}: the default "${defaultValue}" is not a duration`);
  return { name, default: defaultValue, description, read: (config) => config.settings[name] ?? fallback };
}

/** Validates each setting from `source`: milliseconds by name, and a problem line for each bad value. */
export function readSettings(
  source: NodeJS.ProcessEnv,
  settings: readonly DurationSetting[],
): { values: Record<string, number>; problems: string[] } {
  const values: Record<string, number> = {};
  const problems: string[] = [];
  for (const setting of settings) {
    const raw = source[setting.name];
    const value = raw === undefined || raw === '' ? setting.default : raw;
    const parsed = parseDuration(value);
    if (parsed === undefined) {
      problems.push(`${setting.name}=${JSON.stringify(value)}: must be a duration such as "30s", "2 days" or a number of milliseconds`);
    } else {
      values[setting.name] = parsed;
    }
  }
  return { values, problems };
}
