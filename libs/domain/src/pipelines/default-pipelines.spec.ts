import { PipelineKind, StageType } from '@irm/contracts';
import {
  defaultPipelineFor,
  defaultPipelines,
  eventContactPipeline,
  landEnquiryPipeline,
  loanApplicationPipeline,
  PipelineDefinition,
  prospectPipeline,
  validatePipelineDefinition,
} from './default-pipelines';

/** [key, English name, type, SLA] in stage order: the table in DOMAIN.md. */
type Expected = [string, string, StageType, number | null];
const { Open, Won, Lost } = StageType;

function summary(definition: PipelineDefinition): Expected[] {
  return [...definition.stages]
    .sort((a, b) => a.position - b.position)
    .map((s) => [s.key, s.name.en, s.type, s.slaWorkingDays]);
}

describe('default pipelines', () => {
  it('has exactly one pipeline per kind', () => {
    expect(defaultPipelines.map((p) => p.kind).sort()).toEqual(Object.values(PipelineKind).sort());
  });

  it('investor prospects: Lead (2) → … → Decision pending (60) → Licensed; Lost; On hold', () => {
    expect(summary(prospectPipeline)).toEqual<Expected[]>([
      ['lead', 'Lead', Open, 2],
      ['qualified', 'Qualified', Open, 5],
      ['information_sent', 'Information sent', Open, 10],
      ['site_visit', 'Site visit', Open, 30],
      ['proposal', 'Proposal', Open, 30],
      ['decision_pending', 'Decision pending', Open, 60],
      ['licensed', 'Licensed / IRC issued', Won, null],
      ['lost', 'Lost', Lost, null],
      ['on_hold', 'On hold', Open, null],
    ]);
  });

  it('land enquiries: Received (2) → … → Land reserved (60) → Lease signed; Withdrawn', () => {
    expect(summary(landEnquiryPipeline)).toEqual<Expected[]>([
      ['received', 'Received', Open, 2],
      ['screened', 'Screened', Open, 5],
      ['options_sent', 'Options sent', Open, 14],
      ['site_visit', 'Site visit', Open, 30],
      ['land_reserved', 'Land reserved', Open, 60],
      ['lease_signed', 'Lease signed', Won, null],
      ['withdrawn', 'Withdrawn', Lost, null],
    ]);
  });

  it('loan applications: Submitted (3) → … → Disbursing → Closed; Rejected; Withdrawn', () => {
    expect(summary(loanApplicationPipeline)).toEqual<Expected[]>([
      ['submitted', 'Submitted', Open, 3],
      ['completeness_check', 'Completeness check', Open, 5],
      ['appraisal', 'Appraisal', Open, 20],
      ['approved', 'Approved', Open, 10],
      ['contract_signed', 'Contract signed', Open, 15],
      ['disbursing', 'Disbursing', Open, null],
      ['closed', 'Closed', Won, null],
      ['rejected', 'Rejected', Lost, null],
      ['withdrawn', 'Withdrawn', Lost, null],
    ]);
  });

  it('event contacts: Met (3) → Contacted (7) → Meeting held (30) → Converted; Not interested', () => {
    expect(summary(eventContactPipeline)).toEqual<Expected[]>([
      ['met', 'Met', Open, 3],
      ['contacted', 'Contacted', Open, 7],
      ['meeting_held', 'Meeting held', Open, 30],
      ['converted', 'Converted', Won, null],
      ['not_interested', 'Not interested', Lost, null],
    ]);
  });

  it('names every pipeline and stage in Vietnamese with diacritics', () => {
    expect(prospectPipeline.stages.find((s) => s.key === 'licensed')?.name.vi).toBe('Đã cấp GCNĐKĐT');
    for (const definition of defaultPipelines) {
      expect(definition.name.vi).toMatch(/[^\p{ASCII}]/u);
      expect(definition.name.en).not.toBe('');
      for (const stage of definition.stages) {
        expect(stage.name.vi).toMatch(/[^\p{ASCII}]/u);
        expect(stage.name.vi).not.toBe(stage.name.en);
      }
    }
  });

  it('passes its own validation', () => {
    for (const definition of defaultPipelines) {
      expect(validatePipelineDefinition(definition)).toEqual([]);
    }
  });

  it('looks a pipeline up by kind', () => {
    expect(defaultPipelineFor(PipelineKind.LandEnquiry)).toBe(landEnquiryPipeline);
  });
});

describe('validatePipelineDefinition', () => {
  const copy = (): PipelineDefinition => structuredClone(landEnquiryPipeline);

  it('rejects an empty pipeline', () => {
    expect(validatePipelineDefinition({ ...copy(), stages: [] })).toEqual([{ code: 'no_stages' }]);
  });

  it('rejects duplicate and malformed keys', () => {
    const definition = copy();
    definition.stages[1].key = 'received';
    definition.stages[2].key = 'Options Sent';
    expect(validatePipelineDefinition(definition)).toEqual([
      { code: 'duplicate_key', stageKey: 'received' },
      { code: 'invalid_key', stageKey: 'Options Sent' },
    ]);
  });

  it('rejects an SLA on a closing stage and a non-positive or fractional SLA', () => {
    const definition = copy();
    definition.stages[5].slaWorkingDays = 5; // lease_signed (won)
    definition.stages[0].slaWorkingDays = 0;
    definition.stages[1].slaWorkingDays = 1.5;
    expect(validatePipelineDefinition(definition)).toEqual([
      { code: 'invalid_sla', stageKey: 'received' },
      { code: 'invalid_sla', stageKey: 'screened' },
      { code: 'closed_stage_with_sla', stageKey: 'lease_signed' },
    ]);
  });

  it('rejects gaps in positions, missing names and missing won/lost stages', () => {
    const definition = copy();
    definition.stages = definition.stages.filter((s) => s.type === StageType.Open);
    definition.stages[4].position = 7;
    definition.stages[0].name = { vi: ' ', en: 'Received' };
    expect(validatePipelineDefinition(definition).map((i) => i.code)).toEqual([
      'missing_name',
      'positions_not_sequential',
      'no_won_stage',
      'no_lost_stage',
    ]);
  });

  it('rejects a pipeline without an open stage', () => {
    const definition = copy();
    definition.stages = definition.stages
      .filter((s) => s.type !== StageType.Open)
      .map((s, index) => ({ ...s, position: index + 1 }));
    expect(validatePipelineDefinition(definition)).toEqual([{ code: 'no_open_stage' }]);
  });
});
