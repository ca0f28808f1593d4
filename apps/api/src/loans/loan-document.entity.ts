import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';
import { LoanApplicationEntity } from './loan-application.entity';

/** A checklist document received for an application; the checklist itself is domain data. */
@Entity('loan_document')
@Index('uq_loan_document_key', ['applicationId', 'documentKey'], { unique: true })
export class LoanDocumentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  applicationId!: string;

  @ManyToOne(() => LoanApplicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'fk_loan_document_application' })
  application?: LoanApplicationEntity;

  @Column({ type: 'text' })
  documentKey!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'uuid' })
  receivedById!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'received_by_id', foreignKeyConstraintName: 'fk_loan_document_received_by' })
  receivedBy?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  receivedAt!: Date;
}
