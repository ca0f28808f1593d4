import { isCountryCode, isValidTaxCode, isVsicCode } from '@irm/domain';
import { ValidateBy, ValidationOptions } from 'class-validator';

/** Vietnamese enterprise/tax code: 10 digits with check digit, or a branch NNNNNNNNNN-NNN. */
export const IsTaxCode = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isTaxCode',
      validator: {
        validate: (value) => typeof value === 'string' && isValidTaxCode(value),
        defaultMessage: () => 'must be a Vietnamese tax code: 10 digits with a valid check digit, or NNNNNNNNNN-NNN',
      },
    },
    options,
  );

export const IsCountryCode = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isCountryCode',
      validator: {
        validate: (value) => typeof value === 'string' && isCountryCode(value),
        defaultMessage: () => 'must be an ISO 3166-1 alpha-2 country code such as VN, JP or KR',
      },
    },
    options,
  );

export const IsVsicCode = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isVsicCode',
      validator: {
        validate: (value) => typeof value === 'string' && isVsicCode(value),
        defaultMessage: () => 'must be a VSIC 2018 section letter (e.g. C) or division (e.g. 26)',
      },
    },
    options,
  );
