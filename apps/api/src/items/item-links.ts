import { ErrorCode } from '../common/app-exception';
import { withUniqueFields } from '../common/owned-records';

/** Links an item names that do not exist are 422s naming the field, not database errors. */
const LINKS = {
  fk_pipeline_item_organization: 'organizationId',
  fk_pipeline_item_contact: 'contactId',
  fk_pipeline_item_event: 'eventId',
  fk_pipeline_item_zone: 'zoneId',
  fk_pipeline_item_owner: 'ownerId',
};

export function withItemLinks<T>(task: () => Promise<T>): Promise<T> {
  return withUniqueFields(
    task,
    Object.fromEntries(
      Object.entries(LINKS).map(([constraint, field]) => [
        constraint,
        {
          field,
          message: 'does not exist',
          code: ErrorCode.RuleViolated,
          detail: `The ${field.replace(/Id$/, '')} named does not exist.`,
        },
      ]),
    ),
  );
}
