import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { useContainer } from 'class-validator';

/** An open API app's module, with what class-validator asked of it: a provider, or `undefined` where the app has none. */
interface OpenApp {
  moduleRef: ModuleRef;
  found: Map<unknown, unknown>;
}

/** The reference modules of the API apps open in this process, the newest last. */
const open: OpenApp[] = [];

/**
 * Makes the reference module class-validator's container, so that @ReferenceCode's
 * constraints are built with the lookup that reads the tables. class-validator's
 * container is one for the whole process; a process may run several API apps one
 * after another or side by side (the tests do), so it follows the newest app still
 * open, and an app that closes hands it back: a constraint never reads through the
 * database connection of an app already closed.
 *
 * class-validator asks the container for every constraint of every property it
 * checks, built-in ones included, and Nest throws for a class it does not
 * provide: each answer is kept for the app's life (its providers are
 * singletons), so a request's validation neither searches the modules nor
 * throws.
 */
@Injectable()
export class ValidatorContainer implements OnModuleInit, OnApplicationShutdown {
  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    open.push({ moduleRef: this.moduleRef, found: new Map() });
    // `fallback`: for `undefined` (a class no app provides), class-validator builds the constraint itself.
    useContainer({ get: provided }, { fallback: true, fallbackOnErrors: true });
  }

  onApplicationShutdown(): void {
    open.splice(
      open.findIndex((app) => app.moduleRef === this.moduleRef),
      1,
    );
  }
}

function provided<T>(type: new (...args: never[]) => T): T | undefined {
  const app = open[open.length - 1];
  // Without an app, class-validator builds the constraint itself, and one that needs a lookup says so when it validates.
  if (!app) return undefined;
  if (!app.found.has(type)) app.found.set(type, lookUp(app.moduleRef, type));
  return app.found.get(type) as T | undefined;
}

function lookUp<T>(moduleRef: ModuleRef, type: new (...args: never[]) => T): T | undefined {
  try {
    return moduleRef.get(type, { strict: false });
  } catch {
    return undefined;
  }
}
