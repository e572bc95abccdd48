// Tests of a migration take the schema back to just before it, whatever was added after it.
import type { DataSource } from 'typeorm';

/** Undoes the applied migrations, latest first, down to and including `name`. */
export async function revertThrough(dataSource: DataSource, name: string): Promise<void> {
  for (;;) {
    const [last] = await dataSource.query<{ name: string }[]>(`SELECT name FROM typeorm_migrations ORDER BY id DESC LIMIT 1`);
    if (last === undefined) throw new Error(`migration ${name} is not applied`);
    await dataSource.undoLastMigration({ transaction: 'each' });
    if (last.name === name) return;
  }
}
