import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@lib/config';
import { dataSourceOptions } from './data-source-options';
import { ENTITIES } from './entities';

/** The TypeORM connection from configuration, with a repository for every entity. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.database.url, config.database.poolSize),
        // Fail fast at boot instead of retrying silently for half a minute.
        retryAttempts: 1,
      }),
    }),
    TypeOrmModule.forFeature(ENTITIES),
  ],
  exports: [TypeOrmModule],
})
export class PersistenceModule {}
