import { Entity, Index, PrimaryColumn } from 'typeorm';

/** One word of the searchable names, kept by database triggers; mistyped search words are corrected against it. */
@Entity('search_word')
@Index('ix_search_word_trgm', { synchronize: false })
@Index('ix_search_word_shape', { synchronize: false })
export class SearchWordEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_search_word' })
  word!: string;
}
