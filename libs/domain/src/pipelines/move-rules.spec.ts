import { PipelineKind, StageType } from '@irm/contracts';
import fc from 'fast-check';
import {
  defaultPipelineFor,
  LandEnquiryStageKey,
  LoanApplicationStageKey,
  ProspectStageKey,
} from './default-pipelines';
import { LOAN_DOCUMENTS, moveProblems, MoveSubject, requiredLoanDocuments, StageRef } from './move-rules';

/** The default stages of a kind as stored stages of pipeline `kind`. */
function stagesOf(kind: PipelineKind): StageRef[] {
  return defaultPipelineFor(kind).stages.map((stage) => ({
    id: `${kind}:${stage.key}`,
    pipelineId: kind,
    key: stage.key,
    type: stage.type,
    position: stage.position,
    retiredAt: null,
  }));
}

function check(kind: PipelineKind, from: string, to: string | null, item: Partial<MoveSubject> = {}, reason?: string) {
  const stages = stagesOf(kind);
  const find = (key: string) => stages.find((stage) => stage.key === key) ?? null;
  return moveProblems({
    item: { kind, ...item },
    from: find(from)!,
    to: to === null ? null : find(to),
    stages,
    reason,
  });
}

const fields = (problems: { field: string }[]) => problems.map((p) => p.field).sort();

describe('move rules', () => {
  const P = PipelineKind.Prospect;
  const L = PipelineKind.LandEnquiry;
  const A = PipelineKind.LoanApplication;

  it('refuses an unknown stage, a stage of another pipeline, a retired one and the current one', () => {
    expect(fields(check(P, 'lead', null))).toEqual(['stageId']);
    const stages = stagesOf(P);
    const foreign = { ...stagesOf(L)[0] };
    expect(fields(moveProblems({ item: { kind: P }, from: stages[0], to: foreign, stages }))).toEqual(['stageId']);
    const retired = { ...stages[8], retiredAt: '2026-11-01T00:00:00Z' };
    expect(fields(moveProblems({ item: { kind: P }, from: stages[0], to: retired, stages }))).toEqual(['stageId']);
    expect(fields(check(P, 'lead', 'lead'))).toEqual(['stageId']);
  });

  it('requires the fields a stage needs, counting the stages passed over', () => {
    expect(fields(check(P, 'lead', ProspectStageKey.Qualified))).toEqual(['organizationId', 'sector']);
    expect(fields(check(P, 'lead', ProspectStageKey.Proposal, { organizationId: 'o', sector: 'it' }))).toEqual([
      'capitalUsd',
    ]);
    expect(
      check(P, 'lead', ProspectStageKey.Licensed, {
        organizationId: 'o',
        sector: 'it',
        capitalUsd: 0,
        expectedJobs: 0,
      }),
    ).toEqual([]);
    // On hold sits after the closed stages: an item may wait there whatever it lacks.
    expect(check(P, 'lead', ProspectStageKey.OnHold)).toEqual([]);
  });

  it('a lost stage needs a reason and nothing else; won stages are final', () => {
    expect(fields(check(P, 'lead', ProspectStageKey.Lost))).toEqual(['reason']);
    expect(fields(check(P, 'lead', ProspectStageKey.Lost, {}, '   '))).toEqual(['reason']);
    expect(check(P, 'lead', ProspectStageKey.Lost, {}, 'Chose another province')).toEqual([]);
    expect(fields(check(P, ProspectStageKey.Licensed, ProspectStageKey.Lead))).toEqual(['stageId']);
  });

  it('land: reserving needs the zone and area', () => {
    expect(fields(check(L, 'received', LandEnquiryStageKey.LandReserved, { sector: 'it' }))).toEqual([
      'areaHa',
      'zoneId',
    ]);
    expect(check(L, 'received', LandEnquiryStageKey.LandReserved, { sector: 'it', zoneId: 'z', areaHa: 2 })).toEqual(
      [],
    );
  });

  it('loans: the documents of the stage and the stages before it, listed when missing', () => {
    const problems = check(A, 'submitted', LoanApplicationStageKey.Appraisal, { documentKeys: ['application_form'] });
    expect(problems).toEqual([
      {
        field: 'documents',
        message: 'missing: business_registration, investment_plan, financial_statements, collateral, land_lease',
      },
    ]);
    const stages = stagesOf(A);
    const appraisal = stages.find((stage) => stage.key === LoanApplicationStageKey.Appraisal)!;
    expect(requiredLoanDocuments(stages, appraisal)).toEqual(
      LOAN_DOCUMENTS.filter((doc) =>
        [LoanApplicationStageKey.CompletenessCheck, LoanApplicationStageKey.Appraisal].includes(
          doc.requiredFromStage as 'appraisal',
        ),
      ).map((doc) => doc.key),
    );
  });

  it('loans: disbursing needs a planned tranche, closing needs all released, money out forbids lost', () => {
    const all = LOAN_DOCUMENTS.map((doc) => doc.key);
    const approved = { documentKeys: all, approvedVnd: 1e9, interestSupportRate: 2, termMonths: 36 };
    expect(fields(check(A, 'contract_signed', LoanApplicationStageKey.Disbursing, approved))).toEqual(['tranches']);
    expect(check(A, 'contract_signed', 'disbursing', { ...approved, plannedVnd: 5e8 })).toEqual([]);
    expect(fields(check(A, 'disbursing', 'closed', { ...approved, plannedVnd: 5e8, disbursedVnd: 2e8 }))).toEqual([
      'tranches',
    ]);
    expect(
      fields(check(A, 'disbursing', 'rejected', { ...approved, plannedVnd: 5e8, disbursedVnd: 2e8 }, 'x')),
    ).toEqual(['stageId']);
  });

  it('event contacts reach Converted only by conversion', () => {
    const E = PipelineKind.EventContact;
    expect(fields(check(E, 'met', 'converted'))).toEqual(['stageId']);
    const stages = stagesOf(E);
    const [met] = stages;
    const converted = stages.find((stage) => stage.key === 'converted')!;
    expect(moveProblems({ item: { kind: E }, from: met, to: converted, stages, converting: true })).toEqual([]);
  });

  it('any move to a lost stage with a reason passes, from any open stage of any pipeline', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.values(PipelineKind)), fc.nat(), fc.nat(), (kind, a, b) => {
        const stages = stagesOf(kind);
        const open = stages.filter((stage) => stage.type === StageType.Open);
        const lost = stages.filter((stage) => stage.type === StageType.Lost);
        const from = open[a % open.length];
        const to = lost[b % lost.length];
        return moveProblems({ item: { kind }, from, to, stages, reason: 'no longer interested' }).length === 0;
      }),
    );
  });
});
