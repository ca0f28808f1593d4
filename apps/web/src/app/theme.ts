import { createTheme, Modal, type MantineColorsTuple } from '@mantine/core';

// A calm, slightly desaturated blue: reads as "public administration", not "startup".
const irm: MantineColorsTuple = [
  '#eef4fb',
  '#dbe6f4',
  '#b3cbe8',
  '#88aedc',
  '#6495d1',
  '#4d85cb',
  '#3f7cc9',
  '#306ab2',
  '#275e9f',
  '#1a518d',
];

export const theme = createTheme({
  colors: { irm },
  primaryColor: 'irm',
  primaryShade: 7,
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif',
  headings: { fontWeight: '700' },
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Modal: Modal.extend({
      styles: { title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } },
    }),
  },
});
