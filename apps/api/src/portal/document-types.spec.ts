import { deflateRawSync } from 'node:zlib';
import { detectDocumentType, documentFileName, PNG, XLSX, zipEntryNames } from './document-types';

/** A ZIP archive of empty, stored entries with these names. */
function zip(names: string[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe('document types from content', () => {
  it('recognises PDF, JPEG, PNG and XLSX by their bytes', () => {
    expect(detectDocumentType(Buffer.from('%PDF-1.4\n'))?.contentType).toBe('application/pdf');
    expect(detectDocumentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))?.contentType).toBe('image/jpeg');
    expect(detectDocumentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(PNG);
    expect(detectDocumentType(zip(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml']))).toBe(XLSX);
  });

  it('refuses anything else, whatever it is called', () => {
    expect(detectDocumentType(Buffer.from('MZ\x90\x00'))).toBeNull();
    expect(detectDocumentType(Buffer.from('<svg onload=alert(1)>'))).toBeNull();
    expect(detectDocumentType(zip(['[Content_Types].xml', 'word/document.xml']))).toBeNull();
    expect(detectDocumentType(zip(['xl/workbook.xml']))).toBeNull();
    expect(detectDocumentType(Buffer.concat([Buffer.from('PK\x03\x04'), deflateRawSync('x')]))).toBeNull();
    expect(detectDocumentType(Buffer.alloc(0))).toBeNull();
  });

  it('reads a ZIP directory and stops at a broken one', () => {
    expect(zipEntryNames(zip(['a.txt', 'b/c.xml']))).toEqual(['a.txt', 'b/c.xml']);
    const broken = zip(['a.txt']);
    broken.writeUInt32LE(9999, broken.length - 6);
    expect(zipEntryNames(broken)).toBeNull();
  });

  it('keeps the shown name’s stem with the detected extension, without paths or control characters', () => {
    expect(documentFileName('scan.pdf', PNG)).toBe('scan.png');
    expect(documentFileName('C:\\Users\\a\\Báo cáo tài chính.xlsx', XLSX)).toBe('Báo cáo tài chính.xlsx');
    expect(documentFileName('../../etc/passwd\u0000', PNG)).toBe('passwd.png');
    expect(documentFileName(undefined, PNG)).toBe('document.png');
  });
});
