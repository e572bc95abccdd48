import pg from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations.js';
import { SnakeNamingStrategy } from './naming.strategy.js';
import { TypeOrmNestLogger } from './typeorm-logger.js';

// DATE columns are civil dates; keep them as 'YYYY-MM-DD' strings instead of letting
// node-postgres turn them into instants in the host's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

export interface DataSourceSettings {
  url: string;
  poolSize?: number;
  logger?: DataSourceOptions['logger'];
  logging?: DataSourceOptions['logging'];
  applicationName?: string;
}

export function dataSourceOptions(settings: DataSourceSettings): DataSourceOptions {
  const logging = settings.logging ?? ['error', 'warn', 'migration'];
  return {
    type: 'postgres',
    url: settings.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    logging,
    logger: settings.logger ?? new TypeOrmNestLogger(logging),
    applicationName: settings.applicationName ?? 'station-scorecard',
    extra: { max: settings.poolSize ?? 10 },
  };
}

export function createDataSource(settings: DataSourceSettings): DataSource {
  return new DataSource(dataSourceOptions(settings));
}
