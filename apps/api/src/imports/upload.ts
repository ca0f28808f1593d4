import type { MultipartFile } from '@fastify/multipart';
import { IMPORT_MAX_FILE_BYTES } from '@irm/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { AppException, ErrorCode } from '../common/app-exception';
import { toFieldErrors } from '../common/validation';
import { CreateImportFieldsDto } from './imports.dto';

export interface ImportUpload {
  fields: CreateImportFieldsDto;
  fileName: string;
  content: Buffer;
}

/** Room for the multipart boundaries and the text fields around the file. */
const ENVELOPE_BYTES = 64 * 1024;

const tooLarge = () =>
  new AppException(
    ErrorCode.PayloadTooLarge,
    `The file is larger than ${IMPORT_MAX_FILE_BYTES / 1024 / 1024} MB. Split it into smaller files.`,
  );

/** Reads the multipart body of an import: the `file` part and the text fields, in any order. */
export async function readImportUpload(request: FastifyRequest): Promise<ImportUpload> {
  if (!request.isMultipart()) {
    throw new AppException(
      ErrorCode.UnsupportedMediaType,
      'Send the file as multipart/form-data with a "file" part and an "entity" field.',
    );
  }
  // A declared size far past the limit is refused before reading any of it.
  if (Number(request.headers['content-length'] ?? 0) > IMPORT_MAX_FILE_BYTES + ENVELOPE_BYTES) throw tooLarge();
  const fields: Record<string, string> = {};
  let file: { fileName: string; content: Buffer } | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || file) {
          part.file.resume();
          continue;
        }
        file = { fileName: part.filename || 'import', content: await (part as MultipartFile).toBuffer() };
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    // Anything else thrown while reading the parts is the body's fault: no boundary, cut short, not multipart.
    throw new AppException(ErrorCode.BadRequest, 'The multipart body could not be read.');
  }
  const dto = plainToInstance(CreateImportFieldsDto, fields);
  const errors = toFieldErrors(
    validateSync(dto, {
      whitelist: true,
      forbidNonWhitelisted: true,
      validationError: { target: false, value: false },
    }),
  );
  if (!file) errors.push({ field: 'file', message: 'attach the CSV or Excel file as the "file" part' });
  if (errors.length > 0) {
    throw new AppException(
      ErrorCode.ValidationFailed,
      errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      errors,
    );
  }
  return { fields: dto, fileName: file!.fileName.slice(0, 255), content: file!.content };
}
