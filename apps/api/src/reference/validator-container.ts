import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { useContainer } from 'class-validator';

/** The reference modules of the API apps open in this process, the newest last. */
const open: ModuleRef[] = [];

/**
 * Makes the reference module class-validator's container, so that @ReferenceCode's
 * constraints are built with the lookup that reads the tables. class-validator's
 * container is one for the whole process; a process may run several API apps one
 * after another or side by side (the tests do), so it follows the newest app still
 * open, and an app that closes hands it back: a constraint never reads through the
 * database connection of an app already closed.
 */
@Injectable()
export class ValidatorContainer implements OnModuleInit, OnApplicationShutdown {
  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    open.push(this.moduleRef);
    useContainer({ get: <T>(type: new (...args: never[]) => T): T => current().get(type, { strict: false }) }, { fallbackOnErrors: true });
  }

  onApplicationShutdown(): void {
    open.splice(open.indexOf(this.moduleRef), 1);
  }
}

function current(): ModuleRef {
  const ref = open[open.length - 1];
  // class-validator then builds the constraint itself; without a lookup it says so when it validates.
  if (!ref) throw new Error('no API app open');
  return ref;
}
