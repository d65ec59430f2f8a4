export * from './entities';
export * from './data-source-options';
export * from './persistence.module';
export * from './schema-diff';
export { MIGRATIONS } from './migrations';
export * from './seed/demo-people';
export * from './task-events';
export * from './people-changes';
export * from './journal-context';
