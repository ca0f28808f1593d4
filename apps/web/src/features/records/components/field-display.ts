import type { ReactNode } from 'react';

/** How a record's fields read to a person: a label for the name, text for a value. */
export interface FieldDisplay {
  label: (field: string) => string;
  value: (field: string, value: unknown) => ReactNode;
}

/** One field that differs between two copies of a record. */
export interface FieldDifference {
  field: string;
  before: unknown;
  after: unknown;
}
