import { ValidationError, ValidationPipe } from '@nestjs/common';
import type { FieldError } from '@irm/contracts';
import { AppException, ErrorCode } from './app-exception';

/** Flattens nested class-validator errors into `{field: 'a.b[0].c', message}` entries. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const field = parent
      ? /^\d+$/.test(error.property)
        ? `${parent}[${error.property}]`
        : `${parent}.${error.property}`
      : error.property;
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      result.push({
        field,
        message: constraint === 'whitelistValidation' ? `unknown field "${field}"` : message,
      });
    }
    if (error.children?.length) result.push(...toFieldErrors(error.children, field));
  }
  return result;
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fieldErrors = toFieldErrors(errors);
      return new AppException(
        ErrorCode.ValidationFailed,
        fieldErrors.map((e) => `${e.field}: ${e.message}`).join('; '),
        fieldErrors,
      );
    },
  });
}
