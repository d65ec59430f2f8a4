import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PersistenceModule } from '@lib/persistence';
import { DatabaseNotificationsModule } from '../database-notifications/database-notifications.module';
import { AuthGuard } from './auth.guard';
import { CallerDirectory } from './caller-directory';
import { MeController } from './me.controller';
import { TokenVerifier } from './token-verifier.service';

@Module({
  imports: [PersistenceModule, DatabaseNotificationsModule],
  controllers: [MeController],
  providers: [TokenVerifier, CallerDirectory, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokenVerifier],
})
export class AuthModule {}
