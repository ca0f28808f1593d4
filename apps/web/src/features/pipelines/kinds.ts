import { PipelineKind, RecordSubjectType } from '@irm/contracts';

/** Figures a board column can total; which ones a pipeline shows depends on its kind. */
export type TotalField = 'areaHa' | 'capitalUsd' | 'amountVnd';

export interface KindSettings {
  kind: PipelineKind;
  /** The item resource under `/api`, e.g. `/land-enquiries`. */
  resource: string;
  /** The item pages' path in the app (the same words as the resource). */
  itemsPath: string;
  subjectType: RecordSubjectType;
  /** Event contacts are opened from an event's attendees, not from the board. */
  creatable: boolean;
  totals: readonly TotalField[];
}

export const KIND_SETTINGS: Record<PipelineKind, KindSettings> = {
  [PipelineKind.Prospect]: {
    kind: PipelineKind.Prospect,
    resource: '/prospects',
    itemsPath: '/prospects',
    subjectType: RecordSubjectType.Prospect,
    creatable: true,
    totals: ['capitalUsd'],
  },
  [PipelineKind.LandEnquiry]: {
    kind: PipelineKind.LandEnquiry,
    resource: '/land-enquiries',
    itemsPath: '/land-enquiries',
    subjectType: RecordSubjectType.LandEnquiry,
    creatable: true,
    totals: ['areaHa', 'capitalUsd'],
  },
  [PipelineKind.LoanApplication]: {
    kind: PipelineKind.LoanApplication,
    resource: '/loan-applications',
    itemsPath: '/loan-applications',
    subjectType: RecordSubjectType.LoanApplication,
    creatable: true,
    totals: ['amountVnd'],
  },
  [PipelineKind.EventContact]: {
    kind: PipelineKind.EventContact,
    resource: '/event-contacts',
    itemsPath: '/event-contacts',
    subjectType: RecordSubjectType.EventContact,
    creatable: false,
    totals: [],
  },
};

/** The order the app lists the pipelines in. */
export const PIPELINE_KINDS: readonly PipelineKind[] = [
  PipelineKind.Prospect,
  PipelineKind.LandEnquiry,
  PipelineKind.LoanApplication,
  PipelineKind.EventContact,
];

export const isPipelineKind = (value: unknown): value is PipelineKind => PIPELINE_KINDS.includes(value as PipelineKind);
