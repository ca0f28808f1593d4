import { PipelineKind, StageType } from '@irm/contracts';
import { landEnquiryPipeline, loanApplicationPipeline, prospectPipeline } from './default-pipelines';
import type { PipelineDefinition } from './default-pipelines';
import {
  ConfiguredStage,
  isRuleStage,
  missingStageTypes,
  retirementItemProblems,
  retirementTargetProblem,
  retirementTargets,
  ruleStageKeys,
  stageKeyFromName,
  stageOrderProblem,
} from './stage-settings';

const { Open, Won, Lost } = StageType;

function configured(definition: PipelineDefinition): ConfiguredStage[] {
  return definition.stages.map((stage) => ({
    id: stage.key,
    key: stage.key,
    type: stage.type,
    position: stage.position,
    retiredAt: null,
  }));
}

/** The stages with `extra` inserted at `position` (1-based), positions renumbered. */
function withStage(stages: ConfiguredStage[], extra: Omit<ConfiguredStage, 'position'>, position: number) {
  const list = [...stages];
  list.splice(position - 1, 0, { ...extra, position });
  return list.map((stage, index) => ({ ...stage, position: index + 1 }));
}

describe('rule stages', () => {
  it('are the side-effect stages and every default won or lost stage', () => {
    expect(ruleStageKeys(PipelineKind.LandEnquiry)).toEqual(['land_reserved', 'lease_signed', 'withdrawn']);
    expect(ruleStageKeys(PipelineKind.LoanApplication)).toEqual(['disbursing', 'closed', 'rejected', 'withdrawn']);
    expect(ruleStageKeys(PipelineKind.EventContact)).toEqual(['converted', 'not_interested']);
    expect(ruleStageKeys(PipelineKind.Prospect)).toEqual(['licensed', 'lost']);
    expect(isRuleStage(PipelineKind.Prospect, 'on_hold')).toBe(false);
    expect(isRuleStage(PipelineKind.LandEnquiry, 'site_visit')).toBe(false);
  });
});

describe('stageKeyFromName', () => {
  it('makes a snake_case key of the English name', () => {
    expect(stageKeyFromName('Second site visit', [])).toBe('second_site_visit');
    expect(stageKeyFromName('  Due diligence / legal review!  ', [])).toBe('due_diligence_legal_review');
    expect(stageKeyFromName('Thẩm định đất', [])).toBe('tham_dinh_dat');
  });

  it('starts with a letter, is never empty and stays short', () => {
    expect(stageKeyFromName('2nd call', [])).toBe('stage_2nd_call');
    expect(stageKeyFromName('???', [])).toBe('stage');
    const long = stageKeyFromName('a very long stage name that goes on and on and on forever', []);
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
  });

  it('adds a number when the key is taken', () => {
    expect(stageKeyFromName('Site visit', ['site_visit'])).toBe('site_visit_2');
    expect(stageKeyFromName('Site visit', ['site_visit', 'site_visit_2'])).toBe('site_visit_3');
    const taken = ['x'.repeat(40)];
    expect(stageKeyFromName('x'.repeat(50), taken)).toBe(`${'x'.repeat(38)}_2`);
  });
});

describe('missingStageTypes', () => {
  it('counts only stages in use', () => {
    const stages = [
      { type: Open, retiredAt: '2026-01-01T00:00:00Z' },
      { type: Won, retiredAt: null },
      { type: Lost, retiredAt: null },
    ];
    expect(missingStageTypes(stages)).toEqual(['no_open_stage']);
    expect(missingStageTypes([{ type: Open, retiredAt: null }])).toEqual(['no_won_stage', 'no_lost_stage']);
  });
});

describe('stageOrderProblem', () => {
  it('keeps land reserved before lease signed and disbursing before closed', () => {
    const land = configured(landEnquiryPipeline);
    expect(stageOrderProblem(PipelineKind.LandEnquiry, land)).toBeNull();
    const swapped = [...land];
    [swapped[4], swapped[5]] = [swapped[5], swapped[4]];
    expect(stageOrderProblem(PipelineKind.LandEnquiry, swapped)).toBe('rule_stage_order');
    const loans = configured(loanApplicationPipeline);
    expect(stageOrderProblem(PipelineKind.LoanApplication, [...loans].reverse())).toBe('rule_stage_order');
  });

  it('lets other stages go anywhere', () => {
    const land = configured(landEnquiryPipeline);
    expect(stageOrderProblem(PipelineKind.LandEnquiry, [...land.slice(1), land[0]])).toBeNull();
    expect(stageOrderProblem(PipelineKind.Prospect, [])).toBeNull();
  });
});

describe('retirementTargetProblem', () => {
  const base = configured(landEnquiryPipeline);
  // Received, Screened, Options sent, Site visit, [Negotiation], Land reserved, [Handover], Lease signed, Withdrawn, [Duplicate]
  let stages = withStage(base, { id: 'negotiation', key: 'negotiation', type: Open, retiredAt: null }, 5);
  stages = withStage(stages, { id: 'handover', key: 'handover', type: Open, retiredAt: null }, 7);
  stages = withStage(stages, { id: 'duplicate', key: 'duplicate', type: Lost, retiredAt: null }, 10);
  stages = withStage(stages, { id: 'old', key: 'old', type: Open, retiredAt: '2026-01-01T00:00:00Z' }, 1);
  const byId = (id: string): ConfiguredStage => {
    const found = stages.find((stage) => stage.id === id);
    if (!found) throw new Error(`no stage ${id}`);
    return found;
  };
  const problem = (from: string, to: string | null) =>
    retirementTargetProblem(PipelineKind.LandEnquiry, stages, byId(from), to === null ? null : byId(to));

  it('takes an open stage on the same side of land reserved', () => {
    expect(problem('negotiation', 'site_visit')).toBeNull();
    expect(problem('negotiation', 'received')).toBeNull();
    const more = withStage(stages, { id: 'fencing', key: 'fencing', type: Open, retiredAt: null }, 8);
    const fencing = more.find((stage) => stage.id === 'fencing');
    expect(fencing && retirementTargetProblem(PipelineKind.LandEnquiry, more, byId('handover'), fencing)).toBeNull();
  });

  it('never fills land reserved: entering it reserves land, which only a move by hand does', () => {
    expect(problem('handover', 'land_reserved')).toBe('target_rule_stage');
  });

  it('refuses a crossing of land reserved, in either direction', () => {
    expect(problem('negotiation', 'land_reserved')).toBe('target_crosses_rule_stage');
    expect(problem('negotiation', 'handover')).toBe('target_crosses_rule_stage');
    expect(problem('handover', 'site_visit')).toBe('target_crosses_rule_stage');
  });

  it('refuses another type, a retired stage, itself and an unknown stage', () => {
    expect(problem('negotiation', 'withdrawn')).toBe('target_type');
    expect(problem('negotiation', 'old')).toBe('target_retired');
    expect(problem('negotiation', 'negotiation')).toBe('target_is_stage');
    expect(problem('negotiation', null)).toBe('target_not_in_pipeline');
    const stranger = { id: 'x', key: 'x', type: Open, position: 2, retiredAt: null };
    expect(retirementTargetProblem(PipelineKind.LandEnquiry, stages, byId('negotiation'), stranger)).toBe(
      'target_not_in_pipeline',
    );
  });

  it('sends lost items to a lost stage, but never into a won rule stage', () => {
    expect(problem('duplicate', 'withdrawn')).toBeNull();
    const won = withStage(stages, { id: 'sublease', key: 'sublease', type: Won, retiredAt: null }, 9);
    const [sublease, lease] = ['sublease', 'lease_signed'].map((id) => won.find((stage) => stage.id === id) ?? null);
    expect(sublease && retirementTargetProblem(PipelineKind.LandEnquiry, won, sublease, lease)).toBe(
      'target_rule_stage',
    );
  });

  it('lists the possible targets in pipeline order', () => {
    expect(retirementTargets(PipelineKind.LandEnquiry, stages, byId('negotiation')).map((s) => s.id)).toEqual([
      'received',
      'screened',
      'options_sent',
      'site_visit',
    ]);
    expect(retirementTargets(PipelineKind.LandEnquiry, stages, byId('handover')).map((s) => s.id)).toEqual([]);
  });
});

describe('retirementItemProblems', () => {
  const stagesOf = (definition: PipelineDefinition, kind: PipelineKind) =>
    configured(definition).map((stage) => ({ ...stage, pipelineId: kind }));
  const at = (stages: ReturnType<typeof stagesOf>, key: string) => {
    const found = stages.find((stage) => stage.key === key);
    if (!found) throw new Error(`no stage ${key}`);
    return found;
  };
  const fieldsOf = (problems: { field: string }[]) => problems.map((p) => p.field);

  it('asks of each item what the target stage requires, as a move would', () => {
    const land = stagesOf(landEnquiryPipeline, PipelineKind.LandEnquiry);
    const item = { kind: PipelineKind.LandEnquiry };
    expect(retirementItemProblems(item, at(land, 'received'), land)).toEqual([]);
    expect(fieldsOf(retirementItemProblems(item, at(land, 'options_sent'), land))).toEqual(['sector']);
    expect(retirementItemProblems({ ...item, sector: 'electronics' }, at(land, 'options_sent'), land)).toEqual([]);

    const prospects = stagesOf(prospectPipeline, PipelineKind.Prospect);
    expect(
      fieldsOf(
        retirementItemProblems({ kind: PipelineKind.Prospect, sector: 'it' }, at(prospects, 'proposal'), prospects),
      ),
    ).toEqual(['organizationId', 'capitalUsd']);
  });

  it('checks loan documents and tranches', () => {
    const loans = stagesOf(loanApplicationPipeline, PipelineKind.LoanApplication);
    const loan = { kind: PipelineKind.LoanApplication, documentKeys: ['application_form'] };
    expect(retirementItemProblems(loan, at(loans, 'completeness_check'), loans)).toEqual([
      { field: 'documents', message: 'missing: business_registration' },
    ]);
    const approved = {
      ...loan,
      approvedVnd: 1_000_000_000,
      interestSupportRate: 2,
      termMonths: 36,
      documentKeys: [
        'application_form',
        'business_registration',
        'investment_plan',
        'financial_statements',
        'collateral',
        'land_lease',
        'credit_contract',
      ],
    };
    expect(fieldsOf(retirementItemProblems(approved, at(loans, 'disbursing'), loans))).toEqual(['tranches']);
    expect(retirementItemProblems({ ...approved, plannedVnd: 1 }, at(loans, 'disbursing'), loans)).toEqual([]);
  });

  it('needs no reason for lost items: they stay lost with the reason they had', () => {
    const land = stagesOf(landEnquiryPipeline, PipelineKind.LandEnquiry);
    expect(retirementItemProblems({ kind: PipelineKind.LandEnquiry }, at(land, 'withdrawn'), land)).toEqual([]);
  });

  it('refuses an item holding reserved land, whatever the target', () => {
    const land = stagesOf(landEnquiryPipeline, PipelineKind.LandEnquiry);
    const holding = { kind: PipelineKind.LandEnquiry, sector: 'textiles', reservedHa: 2.5 };
    expect(retirementItemProblems(holding, at(land, 'site_visit'), land)).toEqual([
      {
        field: 'reservedHa',
        message: "holds 2.5 ha of reserved land: move it on its own, so that the zone's land bank follows",
      },
    ]);
    expect(retirementItemProblems({ ...holding, reservedHa: 0 }, at(land, 'site_visit'), land)).toEqual([]);
  });
});
