import { Fragment, useState, type ReactNode } from 'react';
import { Modal } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api';
import { isForbidden, isStaleVersion } from '../hooks/versioned-records';
import type { FieldDifference, FieldDisplay } from './field-display';
import { ForbiddenNotice, StaleNotice } from './VersionNotices';

/** What the generic modal hands to the feature's form. */
export interface VersionedFormProps<Request> {
  pending: boolean;
  /** The error to show in the form; stale and forbidden saves are explained by a notice instead. */
  error: unknown;
  notice: ReactNode;
  onCancel: () => void;
  onSubmit: (request: Request) => void;
}

interface VersionedEditModalProps<T extends { id: string; version: number }, Request, Changes, Variables> {
  /** The latest copy of the record: after someone else's change is loaded, the form shows it. */
  record: T;
  opened: boolean;
  onClose: () => void;
  title: ReactNode;
  update: UseMutationResult<T, unknown, Variables>;
  /** Which failed save means someone else saved first; the 409 `stale_version` unless told. */
  isStale?: (error: unknown) => boolean;
  /** Only what the person changed is sent, so a save never undoes a field someone else edited meanwhile. */
  changedFields: (record: T, request: Request) => Changes;
  variables: (record: T, changes: Changes) => Variables;
  onSaved: (updated: T) => void;
  stale: {
    message: ReactNode;
    changedTitle: ReactNode;
    display: FieldDisplay;
    differences: (before: T, after: T) => readonly FieldDifference[];
  };
  forbiddenMessage: (aboutOwner: boolean) => ReactNode;
  renderForm: (form: VersionedFormProps<Request>) => ReactNode;
}

/** An edit dialog for a record saved with a version: explains a stale or forbidden save and lists what changed. */
export function VersionedEditModal<
  T extends { id: string; version: number },
  Request,
  Changes extends object,
  Variables,
>({
  record,
  opened,
  onClose,
  title,
  update,
  isStale = isStaleVersion,
  changedFields,
  variables,
  onSaved,
  stale,
  forbiddenMessage,
  renderForm,
}: VersionedEditModalProps<T, Request, Changes, Variables>) {
  const { t } = useTranslation();
  // The copy the person was editing when the server said someone else had changed it.
  const [staleFrom, setStaleFrom] = useState<T | null>(null);
  const close = () => {
    update.reset();
    setStaleFrom(null);
    onClose();
  };

  const submit = (request: Request) => {
    const changes = changedFields(record, request);
    if (Object.keys(changes).length === 0) {
      close();
      return;
    }
    setStaleFrom(null);
    update.mutate(variables(record, changes), {
      onSuccess: (updated) => {
        onSaved(updated);
        close();
      },
      onError: (error) => {
        if (isStale(error)) setStaleFrom(record);
      },
    });
  };

  const forbidden = isForbidden(update.error);
  const explained = isStale(update.error) || forbidden;
  const aboutOwner = forbidden && isAboutOwner(update.error);
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={title}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && (
        // Keyed by version: when someone else's change is loaded, the fields show it.
        <Fragment key={`${record.id}:${record.version}`}>
          {renderForm({
            pending: update.isPending,
            error: explained ? null : update.error,
            notice: (
              <>
                {staleFrom && (
                  <StaleNotice
                    message={stale.message}
                    changedTitle={stale.changedTitle}
                    display={stale.display}
                    // Until the reload arrives both copies are the same and there is nothing to list yet.
                    differences={staleFrom.version === record.version ? [] : stale.differences(staleFrom, record)}
                  />
                )}
                {forbidden && <ForbiddenNotice>{forbiddenMessage(aboutOwner)}</ForbiddenNotice>}
              </>
            ),
            onCancel: close,
            onSubmit: submit,
          })}
        </Fragment>
      )}
    </Modal>
  );
}

function isAboutOwner(error: unknown): boolean {
  return isApiError(error) && error.fieldErrors.some((e) => e.field === 'ownerId');
}
