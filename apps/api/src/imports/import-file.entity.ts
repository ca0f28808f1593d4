import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An uploaded import file, kept in the database so that a worker on another host can read it.
 * The content is stored uncompressed out of line (migration: STORAGE EXTERNAL), so the worker
 * can read it in slices without loading all of it.
 */
@Entity('import_file')
export class ImportFileEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'bytea' })
  content!: Buffer;

  @Column({ type: 'integer' })
  size!: number;

  /** Hex SHA-256 of the content, to tell a re-upload of the same file. */
  @Column({ type: 'text' })
  sha256!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
