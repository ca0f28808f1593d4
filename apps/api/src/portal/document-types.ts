/** The types an investor may upload, recognised from their bytes (never from the name or the declared type). */
export interface DocumentType {
  contentType: string;
  extension: string;
}

export const PDF: DocumentType = { contentType: 'application/pdf', extension: 'pdf' };
export const JPEG: DocumentType = { contentType: 'image/jpeg', extension: 'jpg' };
export const PNG: DocumentType = { contentType: 'image/png', extension: 'png' };
export const XLSX: DocumentType = {
  contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  extension: 'xlsx',
};

export const DOCUMENT_TYPES: readonly DocumentType[] = [PDF, JPEG, PNG, XLSX];
export const DOCUMENT_CONTENT_TYPES = DOCUMENT_TYPES.map((type) => type.contentType);

/** Name endings browsers offer for the accepted types (a JPEG is often ".jpeg"); the stored name uses `extension`. */
export const DOCUMENT_EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png', 'xlsx'];

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ZIP_LOCAL_HEADER = 0x04034b50;
const ZIP_CENTRAL_HEADER = 0x02014b50;
const ZIP_END = 0x06054b50;
/** The end record sits within its own 22 bytes plus a comment of at most 64 KiB from the end. */
const ZIP_END_SEARCH = 22 + 0xffff;

/** The names in a ZIP archive's central directory, or null when the bytes are not a readable archive. */
export function zipEntryNames(content: Buffer): string[] | null {
  if (content.length < 22 || content.readUInt32LE(0) !== ZIP_LOCAL_HEADER) return null;
  let end = -1;
  for (let at = content.length - 22; at >= Math.max(0, content.length - ZIP_END_SEARCH); at--) {
    if (content.readUInt32LE(at) === ZIP_END) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = content.readUInt16LE(end + 10);
  let at = content.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let index = 0; index < count; index++) {
    if (at + 46 > content.length || content.readUInt32LE(at) !== ZIP_CENTRAL_HEADER) return null;
    const nameLength = content.readUInt16LE(at + 28);
    const extraLength = content.readUInt16LE(at + 30);
    const commentLength = content.readUInt16LE(at + 32);
    if (at + 46 + nameLength > content.length) return null;
    names.push(content.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/**
 * PDF, JPEG, PNG or XLSX by their signatures; an XLSX is a ZIP whose directory holds `[Content_Types].xml` and the
 * `xl/` part (any other ZIP, an old .xls, an executable or a script is none of them).
 */
export function detectDocumentType(content: Buffer): DocumentType | null {
  if (content.length >= 5 && content.subarray(0, 5).toString('latin1') === '%PDF-') return PDF;
  if (content.length >= 3 && content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return JPEG;
  if (content.length >= 8 && content.subarray(0, 8).equals(PNG_SIGNATURE)) return PNG;
  const names = zipEntryNames(content);
  if (names && names.includes('[Content_Types].xml') && names.some((name) => name.startsWith('xl/'))) return XLSX;
  return null;
}

/**
 * The name shown for an upload: the client's base name without control or path characters, its extension replaced
 * by the detected type's, so a PNG sent as "scan.pdf" is kept as "scan.png".
 */
export function documentFileName(clientName: string | undefined, type: DocumentType): string {
  const base = (clientName ?? '')
    .split(/[\\/]/)
    .pop()!
    .replace(/[\p{Cc}\p{Cf}"<>|:*?]/gu, '')
    .trim();
  const stem =
    base
      .replace(/\.[^.]*$/, '')
      .slice(0, 150)
      .trim() || 'document';
  return `${stem}.${type.extension}`;
}
