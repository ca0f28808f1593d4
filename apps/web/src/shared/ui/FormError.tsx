import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';

interface FormErrorProps {
  error: unknown;
  title: string;
  /** Fields whose server messages the form already shows under the inputs. */
  shownFields?: readonly string[];
}

/** Why a form could not be sent, in words; field messages the form shows itself are not repeated. */
export function FormError({ error, title, shownFields = [] }: FormErrorProps) {
  const { t } = useTranslation();
  if (!error) return null;

  let detail: string | undefined = t('errors.unexpected');
  let otherFieldErrors: string[] = [];
  if (isApiError(error)) {
    const fieldErrors = error.fieldErrors;
    otherFieldErrors = fieldErrors.filter((e) => !shownFields.includes(e.field)).map((e) => e.message);
    if (fieldErrors.length > 0 && otherFieldErrors.length === 0) return null;
    if (error.isNetworkError) detail = t('errors.network');
    // The server's wording for 403 (role, CSRF) is meant for developers; people need to know it is not allowed.
    else if (error.status === 403) detail = t('errors.forbidden');
    else detail = otherFieldErrors.length > 0 ? undefined : (error.problem.detail ?? error.problem.title);
  }

  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle aria-hidden />} role="alert">
      {detail && <Text size="sm">{detail}</Text>}
      {otherFieldErrors.length > 0 && (
        <List size="sm" spacing={2}>
          {otherFieldErrors.map((message) => (
            <List.Item key={message}>{message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
