// Extends the workspace config with browser globals and the React hooks rules.
// Run from the repo root with `-c apps/web/eslint.config.mjs` (patterns are then relative to the root).
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import root from '../../eslint.config.mjs';

export default [
  ...(Array.isArray(root) ? root : [root]),
  { ignores: ['**/dist/**'] },
  {
    files: ['**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: globals.browser },
  },
  {
    // The investor portal is a bundle of its own (portal.html): investors must never download the staff app, so
    // it may use React, TanStack Query, the contracts and the plain API client, and nothing of the staff side.
    files: ['apps/web/src/portal/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '/(app|features|pages)/|/shared/(ui|i18n)(/|$)',
              message: 'The portal must not import the staff app: it is a separate bundle.',
            },
            {
              regex: '/shared/api(/index|/query-[\\w-]+)?$',
              message: 'Import shared/api/client or shared/api/api-error directly: the index pulls in staff query keys.',
            },
            {
              regex: '^(@mantine/|@tabler/|react-router|i18next|react-i18next|dayjs)',
              message: 'Keep the portal small: plain React and CSS.',
            },
          ],
        },
      ],
    },
  },
];
