import { dayNumber } from '@irm/domain';
import { registerDecorator, ValidationOptions } from 'class-validator';

/** A real calendar date written `YYYY-MM-DD`. */
export function IsLocalDate(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isLocalDate',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be a date written YYYY-MM-DD`, ...options },
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'string') return false;
          try {
            dayNumber(value);
            return true;
          } catch {
            return false;
          }
        },
      },
    });
}
