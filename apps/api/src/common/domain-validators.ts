import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
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

/** A phone number in any common notation; Vietnamese numbers may omit +84. Normalised to E.164 by `toE164`. */
export const IsPhoneNumber = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isPhoneNumber',
      validator: {
        validate: (value) => typeof value === 'string' && toE164(value) !== null,
        defaultMessage: () => 'must be a valid phone number, e.g. 0912 345 678 or +81 3 1234 5678',
      },
    },
    options,
  );

export function toE164(value: string): string | null {
  const parsed = parsePhoneNumberFromString(value, 'VN');
  return parsed?.isValid() ? parsed.number : null;
}
