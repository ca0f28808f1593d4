import type { LocalizedText, Stage, StageType } from '@irm/contracts';
import { publicLabel, type PublicStage } from '@irm/domain';

function toPublic(stage: Stage): PublicStage {
  return { ...stage, publicLabelVi: stage.publicLabelVi ?? null, publicLabelEn: stage.publicLabelEn ?? null };
}

/** What investors read for the stage now: the manager's wording, else its phase's default. */
export function shownPublicLabel(stage: Stage, stages: readonly Stage[]): LocalizedText {
  return publicLabel(toPublic(stage), stages.map(toPublic));
}

/** What investors would read with no wording set, for the stage as it would be with `type`. */
export function defaultPublicLabel(stage: Stage, stages: readonly Stage[], type: StageType): LocalizedText {
  const changed = { ...toPublic(stage), type, publicLabelVi: null, publicLabelEn: null };
  return publicLabel(
    changed,
    stages.map((other) => (other.id === stage.id ? changed : toPublic(other))),
  );
}
