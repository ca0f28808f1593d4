import type { Me } from '@irm/contracts';
import { useTranslation } from 'react-i18next';
import { useOwnerChoices, type OwnerChoices } from '../../organizations/hooks/use-owner-choices';

/** The same choice of owner as for investors (the server applies the same rule), worded for contacts. */
export function useContactOwnerChoices(me: Me): OwnerChoices {
  const { t } = useTranslation();
  const owners = useOwnerChoices(me);
  return owners.editable ? owners : { ...owners, hint: t('contacts.ownerHintStaff') };
}
