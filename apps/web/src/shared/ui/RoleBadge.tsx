import { Role } from '@irm/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const ROLE_COLORS: Record<Role, string> = {
  [Role.Admin]: 'grape',
  [Role.Manager]: 'irm',
  [Role.Staff]: 'gray',
};

export function RoleBadge({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={ROLE_COLORS[role]} radius="sm" tt="none" fw={600}>
      {t(`roles.${role}`)}
    </Badge>
  );
}
