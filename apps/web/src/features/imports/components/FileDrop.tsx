import { useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { IMPORT_MAX_FILE_BYTES } from '@irm/contracts';
import { ActionIcon, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconFileSpreadsheet, IconUpload, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../shared/i18n';

const ACCEPTED = /\.(csv|xlsx)$/i;
const MAX_MB = IMPORT_MAX_FILE_BYTES / 1024 / 1024;

interface FileDropProps {
  file: File | null;
  onChange: (file: File | null) => void;
  disabled?: boolean;
}

/** Drag and drop, or click (or Enter) to browse; refuses what the server would refuse before sending it. */
export function FileDrop({ file, onChange, disabled }: FileDropProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const choose = (chosen: File | undefined) => {
    if (!chosen) return;
    if (!ACCEPTED.test(chosen.name)) return setProblem(t('imports.fileType'));
    if (chosen.size > IMPORT_MAX_FILE_BYTES) return setProblem(t('imports.fileTooLarge', { size: MAX_MB }));
    setProblem(null);
    onChange(chosen);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (!disabled) choose(event.dataTransfer.files[0]);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      input.current?.click();
    }
  };

  if (file) {
    return (
      <Paper withBorder radius="md" p="md" data-testid="import-file">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <ThemeIcon variant="light" size="lg" radius="md">
              <IconFileSpreadsheet size={20} aria-hidden />
            </ThemeIcon>
            <div style={{ minWidth: 0 }}>
              <Text fw={600} size="sm" truncate="end">
                {file.name}
              </Text>
              <Text size="xs" c="dimmed">
                {format.integer(Math.ceil(file.size / 1024))} KB
              </Text>
            </div>
          </Group>
          <ActionIcon
            variant="subtle"
            color="gray"
            onClick={() => onChange(null)}
            disabled={disabled}
            aria-label={t('imports.removeFile')}
          >
            <IconX size={18} />
          </ActionIcon>
        </Group>
      </Paper>
    );
  }

  return (
    <Stack gap={6}>
      <Paper
        withBorder
        radius="md"
        p="xl"
        role="button"
        tabIndex={disabled ? -1 : 0}
        aria-label={t('imports.dropLabel')}
        aria-disabled={disabled}
        onClick={() => !disabled && input.current?.click()}
        onKeyDown={onKeyDown}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="import-dropzone"
        style={{
          borderStyle: 'dashed',
          borderWidth: 2,
          cursor: disabled ? 'not-allowed' : 'pointer',
          borderColor: dragging ? 'var(--mantine-primary-color-filled)' : undefined,
          background: dragging ? 'var(--mantine-primary-color-light)' : undefined,
        }}
      >
        <Stack align="center" gap={6}>
          <ThemeIcon variant="light" size={48} radius="xl">
            <IconUpload size={26} aria-hidden />
          </ThemeIcon>
          <Text fw={600}>{t('imports.dropTitle')}</Text>
          <Text size="sm" c="dimmed">
            {t('imports.dropHint', { size: MAX_MB })}
          </Text>
        </Stack>
        <input
          ref={input}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          hidden
          onChange={(event) => {
            choose(event.currentTarget.files?.[0]);
            event.currentTarget.value = '';
          }}
          data-testid="import-file-input"
        />
      </Paper>
      {problem && (
        <Text size="sm" c="red" role="alert">
          {problem}
        </Text>
      )}
    </Stack>
  );
}
