import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/**
 * An optional whole number in a query string (sent as text), between `min`
 * and `max`. Only decimal digits are a number: Number() would also read
 * `0x10` as 16 and `1e2` as 100, which no one means by a page size.
 */
export const OptionalInt = (min: number, max: number) =>
  applyDecorators(
    IsOptional(),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value)),
    IsInt(),
    Min(min),
    Max(max),
  );
