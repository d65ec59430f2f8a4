import { ValidateBy, type ValidationOptions } from 'class-validator';

/** `https://a.example,http://127.0.0.1:8233`: each entry a bare origin (scheme, host, optional port). */
export function parseOriginList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}

export function IsOriginList(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isOriginList',
      validator: {
        validate: (value) => typeof value === 'string' && parseOriginList(value).every(isOrigin),
        defaultMessage: (args) =>
          `${args?.property} must list origins separated by commas, such as https://ui.example.org,http://127.0.0.1:8233 (no path, no trailing slash)`,
      },
    },
    options,
  );
}
