import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';

/**
 * A list whose items are validated as `type`. Each item must be an object:
 * class-validator looks inside an item that is itself an array and, finding
 * plain values, checks nothing (`sessions: [[…]]` passed and broke the launch).
 */
export const EachNested = (type: () => new () => object) =>
  applyDecorators(IsObject({ each: true }), ValidateNested({ each: true }), Type(type));
