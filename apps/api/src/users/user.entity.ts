import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  VirtualColumn,
} from 'typeorm';
import { Role } from '@irm/contracts';

@Entity('app_user')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_app_user_email', { unique: true })
  @Column({ type: 'citext' })
  email!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'enum', enum: Role, enumName: 'user_role' })
  role!: Role;

  /** argon2id, or `NO_PASSWORD` while an invitation is pending. */
  @Column({ type: 'text', select: false })
  passwordHash!: string;

  /** Invited and has not chosen a password yet; read from the hash column without selecting the hash. */
  @VirtualColumn({ type: 'boolean', query: (alias) => `SELECT ${alias}."password_hash" LIKE '!%'` })
  pendingInvitation!: boolean;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'text', default: 'vi' })
  language!: string;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
