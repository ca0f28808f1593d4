import { Role, type Me } from '@irm/contracts';
import { useTranslation } from 'react-i18next';
import type { OwnerChoice } from '../components/OrganizationForm';
import { useOwnerOptions } from './use-organizations';

export interface OwnerChoices {
  choices: OwnerChoice[];
  /** Whether this person may hand a record to someone else (the server decides the same way). */
  editable: boolean;
  hint?: string;
}

/** The people a record can be given to: the signed-in person first, then everyone else a manager may pick. */
export function useOwnerChoices(me: Me): OwnerChoices {
  const { t } = useTranslation();
  const canAssign = me.role === Role.Manager || me.role === Role.Admin;
  const options = useOwnerOptions(canAssign);
  const self: OwnerChoice = { id: me.id, name: t('investors.ownerMe', { name: me.name }) };
  if (!canAssign) return { choices: [self], editable: false, hint: t('investors.ownerHintStaff') };
  const others = (options.data ?? []).filter((option) => option.id !== me.id);
  return {
    choices: [self, ...others],
    editable: true,
    // Listing users is admin-only today; a manager can still keep or take a record.
    hint: options.isError ? t('investors.ownerHintNoList') : undefined,
  };
}
