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
];
