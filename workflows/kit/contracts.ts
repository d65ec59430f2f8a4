/*
 * The single door from workflow code to the shared contracts. Temporal's
 * workflow bundler does not read tsconfig `paths`, so the path is relative.
 */
export * from '../../libs/contracts/src';
