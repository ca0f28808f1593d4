import { LANGUAGES } from '@irm/contracts';
import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isLanguage, useLanguage } from '../../shared/i18n';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const [language, setLanguage] = useLanguage();
  return (
    <SegmentedControl
      size="xs"
      radius="md"
      aria-label={t('language.label')}
      value={language}
      onChange={(value) => isLanguage(value) && setLanguage(value)}
      data={LANGUAGES.map((code) => ({
        value: code,
        label: (
          <span title={t(`language.${code}`)} lang={code}>
            {code.toUpperCase()}
          </span>
        ),
      }))}
      data-testid="language-switch"
    />
  );
}
