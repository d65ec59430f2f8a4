import { ValidateBy, type ValidationOptions } from 'class-validator';
import { parsePayloadCodecKeys } from './payload-codec-keys';

export function IsCodecKeyList(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCodecKeyList',
      validator: {
        validate: (value) => typeof value === 'string' && parsePayloadCodecKeys(value).problems.length === 0,
        defaultMessage: (args) =>
          `${args?.property}: ${typeof args?.value === 'string' ? parsePayloadCodecKeys(args.value).problems.join('; ') : 'must be a string'}`,
      },
    },
    options,
  );
}
