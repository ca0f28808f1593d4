import { TextInput, type TextInputProps } from '@mantine/core';

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the browser's date-time field shows it: local wall-clock time, to the minute. */
export function toDateTimeInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The instant a date-time field's local value stands for, or null when it is empty or incomplete. */
export function fromDateTimeInput(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

interface DateTimeFieldProps extends Omit<TextInputProps, 'value' | 'onChange' | 'type'> {
  /** ISO instant, or null when empty. */
  value: string | null;
  onChange: (value: string | null) => void;
}

/** Date and time in the browser's own picker (keyboard-friendly, localised by the browser). */
export function DateTimeField({ value, onChange, ...props }: DateTimeFieldProps) {
  return (
    <TextInput
      {...props}
      type="datetime-local"
      value={toDateTimeInput(value)}
      onChange={(event) => onChange(fromDateTimeInput(event.currentTarget.value))}
    />
  );
}
