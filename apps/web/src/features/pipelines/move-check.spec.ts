import {
  PipelineKind,
  StageType,
  type LandEnquiry,
  type Pipeline,
  type PipelineItemBase,
  type Stage,
} from '@irm/contracts';
import { landEnquiryPipeline } from '@irm/domain';
import { describe, expect, it } from '@jest/globals';
import i18next, { type TFunction } from 'i18next';
import { en } from '../../shared/i18n/en';
import { vi } from '../../shared/i18n/vi';
import { foreseenProblems, problemLines } from './move-check';

const pipeline: Pipeline = {
  id: 'p-land',
  kind: PipelineKind.LandEnquiry,
  name: landEnquiryPipeline.name,
  version: 1,
  stages: landEnquiryPipeline.stages.map((stage) => ({ ...stage, id: `s-${stage.key}`, retiredAt: null, version: 1 })),
};
function stage(key: string): Stage {
  const found = pipeline.stages.find((s) => s.key === key);
  if (!found) throw new Error(`no stage ${key}`);
  return found;
}

/** A board card: only the fields every kind has. */
const card: PipelineItemBase = {
  id: 'i1',
  kind: PipelineKind.LandEnquiry,
  pipelineId: pipeline.id,
  stageId: stage('site_visit').id,
  stageKey: 'site_visit',
  stageType: StageType.Open,
  title: 'Xưởng cơ khí 3 ha',
  ownerId: 'u1',
  ownerName: 'Lan',
  organizationId: 'o1',
  organizationName: 'Công ty Cơ khí',
  contactId: null,
  contactName: null,
  eventId: null,
  eventName: null,
  sector: 'mechanical_engineering',
  source: null,
  stageEnteredAt: '2026-05-04T02:00:00.000Z',
  slaDueOn: null,
  overdue: false,
  daysInStage: 3,
  lostReason: null,
  closedAt: null,
  createdAt: '2026-05-01T02:00:00.000Z',
  updatedAt: '2026-05-04T02:00:00.000Z',
  version: 3,
};

const enquiry: LandEnquiry = {
  ...card,
  requestedAreaHa: 3,
  preferredZoneIds: [],
  zoneId: null,
  zoneName: null,
  reservedHa: 0,
  leasedHa: 0,
  wantedBy: null,
  capitalUsd: null,
  expectedJobs: null,
};

async function translator(language: 'vi' | 'en'): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({ lng: language, resources: { vi: { translation: vi }, en: { translation: en } } });
  return instance.t;
}

describe('foreseenProblems', () => {
  it('does not take a field a board card lacks for an empty one: the zone is for the server to check', () => {
    expect(foreseenProblems(pipeline, card, stage('land_reserved'))).toEqual([]);
  });

  it('names the missing zone when the whole enquiry is at hand', () => {
    expect(foreseenProblems(pipeline, enquiry, stage('land_reserved'))).toEqual([
      { field: 'zoneId', message: 'must name the zone to reserve land in' },
    ]);
    const withZone: LandEnquiry = { ...enquiry, zoneId: 'z1' };
    expect(foreseenProblems(pipeline, withZone, stage('land_reserved'))).toEqual([]);
  });

  it('asks for a reason to close as lost, and is satisfied by one', () => {
    expect(foreseenProblems(pipeline, card, stage('withdrawn'))).toEqual([
      { field: 'reason', message: 'is required to close an item as lost' },
    ]);
    expect(foreseenProblems(pipeline, card, stage('withdrawn'), 'Chọn tỉnh khác')).toEqual([]);
  });

  it('refuses to move a won item anywhere', () => {
    const won: PipelineItemBase = { ...card, stageId: stage('lease_signed').id, stageType: StageType.Won };
    expect(foreseenProblems(pipeline, won, stage('received')).map((p) => p.field)).toEqual(['stageId']);
  });
});

describe('problemLines', () => {
  it('words a missing field in the reader language, with the stage', async () => {
    const problems = [{ field: 'zoneId', message: 'must name the zone to reserve land in' }];
    expect(problemLines(problems, await translator('vi'), 'vi', 'Đã giữ quỹ đất')).toEqual([
      'Cần có khu, cụm trước khi sang “Đã giữ quỹ đất”.',
    ]);
    expect(problemLines(problems, await translator('en'), 'en', 'Land reserved')).toEqual([
      'A zone is needed before “Land reserved”.',
    ]);
  });

  it('names missing loan documents and keeps the server words for rules it does not know', async () => {
    const t = await translator('en');
    expect(
      problemLines(
        [
          { field: 'documents', message: 'missing: application_form, collateral' },
          { field: 'tranches', message: 'every planned tranche must be released before closing' },
        ],
        t,
        'en',
        'Closed',
      ),
    ).toEqual([
      'Documents missing: Loan application form, Collateral documents.',
      'Tranches: every planned tranche must be released before closing',
    ]);
  });
});
