import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** The writes every owned, versioned record shares; subclasses add their list and read SQL. */
export abstract class OwnedRecordRepository<T extends ObjectLiteral> {
  protected constructor(
    protected readonly dataSource: DataSource,
    private readonly entity: EntityTarget<T>,
  ) {}

  /** Locks the row for a read-check-write in one transaction. */
  findForUpdate(manager: EntityManager, id: string): Promise<T | null> {
    return manager.getRepository(this.entity).findOne({ where: { id } as never, lock: { mode: 'pessimistic_write' } });
  }

  async insert(manager: EntityManager, values: Partial<T>): Promise<string> {
    const result = await manager.insert(this.entity, values as never);
    return (result.identifiers[0] as { id: string }).id;
  }

  /** Applies the changes and bumps `version` (the caller has checked it under the row lock). */
  async update(manager: EntityManager, id: string, changes: Partial<T>): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(this.entity)
      .set({ ...changes, version: () => 'version + 1' } as never)
      .where('id = :id', { id })
      .execute();
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(this.entity, { id });
  }

  async activeUserExists(manager: EntityManager, userId: string): Promise<boolean> {
    return (await manager.query(`SELECT 1 FROM app_user WHERE id = $1 AND active`, [userId])).length > 0;
  }
}
