import { StageType } from '@irm/contracts';
import { publicLabel, publicPhase, PublicStage } from './public-labels';

const stage = (id: string, type: StageType, position: number, extra: Partial<PublicStage> = {}): PublicStage => ({
  id,
  type,
  position,
  retiredAt: null,
  publicLabelVi: null,
  publicLabelEn: null,
  ...extra,
});

describe('public stage labels', () => {
  const stages = [
    stage('old', StageType.Open, 1, { retiredAt: '2026-01-01T00:00:00Z' }),
    stage('received', StageType.Open, 2),
    stage('screened', StageType.Open, 3),
    stage('won', StageType.Won, 4),
    stage('lost', StageType.Lost, 5),
  ];

  it('derives the phase from the type and place of the stage', () => {
    expect(stages.map((s) => publicPhase(s, stages))).toEqual([
      'in_review',
      'received',
      'in_review',
      'completed',
      'closed',
    ]);
  });

  it('uses the manager’s wording where set, the default otherwise', () => {
    expect(publicLabel(stages[2], stages)).toEqual({ vi: 'Đang xem xét', en: 'In review' });
    expect(publicLabel({ ...stages[2], publicLabelEn: 'Checking your documents' }, stages)).toEqual({
      vi: 'Đang xem xét',
      en: 'Checking your documents',
    });
  });
});
