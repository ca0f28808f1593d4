import type { Readable } from 'node:stream';
import { StreamableFile } from '@nestjs/common';

/** A file a route sends as an attachment, produced as a stream. */
export interface Download {
  fileName: string;
  contentType: string;
  stream: Readable;
}

/** `attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266), e.g. for Vietnamese names. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function toStreamableFile({ fileName, contentType, stream }: Download): StreamableFile {
  return new StreamableFile(stream, { type: contentType, disposition: contentDisposition(fileName) });
}
