/*
 * class-validator building blocks shared by the API's DTOs and the kinds'
 * launch and event definitions (workflows/<kind>/): identifiers, codes and
 * dates as every kind accepts them, nested lists, the launch header, and the
 * fields that name people and groups of the directory.
 */
export * from './identifiers';
export * from './field-decorators';
export * from './each-nested.decorator';
export * from './is-within-century.validator';
export * from './relative-validators';
export * from './mutually-exclusive.validator';
export * from './directory-refs';
export * from './launch-header.dto';
export * from './reference-code';
export * from './code-format';
