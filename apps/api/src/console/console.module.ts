import { Module } from '@nestjs/common';
import { ConsoleController } from './console.controller';

/** The web console (apps/console), served by the API it talks to. */
@Module({ controllers: [ConsoleController] })
export class ConsoleModule {}
