import { LANGUAGES } from '@irm/contracts';
import { SegmentedControl, type SegmentedControlProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '../../../shared/i18n';
import { useLanguagePreference } from '../hooks/use-language-preference';

type LanguageSwitchProps = Omit<SegmentedControlProps, 'data' | 'value' | 'onChange'> & {
  /** Full language names ("Tiếng Việt") instead of codes ("VI"). */
  long?: boolean;
};

export function LanguageSwitch({ long, ...props }: LanguageSwitchProps) {
  const { t } = useTranslation();
  const [language, setLanguage] = useLanguagePreference();
  return (
    <SegmentedControl
      size="xs"
      radius="md"
      aria-label={t('language.label')}
      {...props}
      value={language}
      onChange={(value) => isLanguage(value) && setLanguage(value)}
      data={LANGUAGES.map((code) => ({
        value: code,
        label: (
          <span title={t(`language.${code}`)} lang={code}>
            {long ? t(`language.${code}`) : code.toUpperCase()}
          </span>
        ),
      }))}
      data-testid="language-switch"
    />
  );
}
