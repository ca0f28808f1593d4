/** What a file can be imported into. */
export enum ImportEntity {
  Organizations = 'organizations',
  Contacts = 'contacts',
  /** A promotion event's attendee list: each row finds or adds the contact and adds them to the event. */
  Attendees = 'attendees',
}

export enum ImportFormat {
  Csv = 'csv',
  Xlsx = 'xlsx',
}

export enum ExportFormat {
  Csv = 'csv',
  Xlsx = 'xlsx',
}

export enum ImportStatus {
  Queued = 'queued',
  Running = 'running',
  Completed = 'completed',
  Failed = 'failed',
  Cancelled = 'cancelled',
}

/** What a row did (or, in a dry run, would do). */
export enum ImportRowAction {
  Create = 'create',
  Update = 'update',
  Unchanged = 'unchanged',
  Error = 'error',
}

/** The largest file accepted for import, in bytes. */
export const IMPORT_MAX_FILE_BYTES = 20 * 1024 * 1024;

/** The most data rows one import takes (a small .xlsx can unpack to far more). */
export const IMPORT_MAX_ROWS = 500_000;

/** Rows shown in a dry run's preview. */
export const IMPORT_PREVIEW_ROWS = 20;

/**
 * A column an import understands. `vi` and `en` are the headers of the templates; any spelling of either, with
 * or without diacritics, case or punctuation, is recognised, and so are the `aliases` and the `key` itself.
 */
export interface ImportColumn {
  key: string;
  vi: string;
  en: string;
  required: boolean;
  aliases: readonly string[];
  /** Accepted values or form, in words, for the column guide. */
  hint: { vi: string; en: string };
}

/** Written by exports so an edited export updates the same records; left empty for new ones. */
const RECORD_ID: ImportColumn = {
  key: 'id',
  vi: 'Mã hệ thống',
  en: 'Record ID',
  required: false,
  aliases: ['ID'],
  hint: {
    vi: 'Do tệp xuất điền; dòng có mã này cập nhật đúng hồ sơ đó. Để trống khi thêm mới.',
    en: 'Filled in by exports: a row with it updates that very record. Leave empty for new records.',
  },
};

const OWNER_EMAIL: ImportColumn = {
  key: 'ownerEmail',
  vi: 'Email người phụ trách',
  en: 'Owner email',
  required: false,
  aliases: ['Người phụ trách (email)'],
  hint: {
    vi: 'Email của một cán bộ đang hoạt động; để trống là bạn. Chỉ quản lý mới giao cho người khác.',
    en: 'Email of an active colleague; empty means you. Only managers assign someone else.',
  },
};

/** Columns several imports share, so the same header means the same thing in each. */
const COUNTRY: ImportColumn = {
  key: 'country',
  vi: 'Quốc gia',
  en: 'Country',
  required: false,
  aliases: ['Nước', 'Quốc tịch', 'Nationality'],
  hint: { vi: 'Mã ISO (VN, JP, KR) hoặc tên nước. Trống: VN.', en: 'ISO code (VN, JP, KR) or name. Empty: VN.' },
};

const FULL_NAME: ImportColumn = {
  key: 'fullName',
  vi: 'Họ và tên',
  en: 'Full name',
  required: true,
  aliases: ['Họ tên', 'Tên', 'Name'],
  hint: { vi: 'Bắt buộc.', en: 'Required.' },
};

const EMAIL: ImportColumn = {
  key: 'email',
  vi: 'Email',
  en: 'Email',
  required: false,
  aliases: ['E-mail', 'Thư điện tử'],
  hint: {
    vi: 'Dòng có email đã có sẽ cập nhật người đó.',
    en: 'A row whose email exists updates that contact.',
  },
};

const PHONE: ImportColumn = {
  key: 'phone',
  vi: 'Số điện thoại',
  en: 'Phone',
  required: false,
  aliases: ['Điện thoại', 'SĐT', 'Di động', 'Mobile'],
  hint: {
    vi: 'Số Việt Nam có thể bỏ +84 (0912 345 678); số nước ngoài cần mã nước.',
    en: 'Vietnamese numbers may omit +84 (0912 345 678); foreign numbers need their country code.',
  },
};

const POSITION: ImportColumn = {
  key: 'position',
  vi: 'Chức vụ',
  en: 'Position',
  required: false,
  aliases: ['Chức danh', 'Title', 'Job title'],
  hint: { vi: 'Ví dụ: Giám đốc.', en: 'For example: Director.' },
};

const ORGANIZATION_TAX_CODE: ImportColumn = {
  key: 'organizationTaxCode',
  vi: 'Mã số thuế doanh nghiệp',
  en: 'Investor tax code',
  required: false,
  aliases: ['Mã số thuế', 'MST', 'Tax code', 'Organization tax code'],
  hint: {
    vi: 'Mã số thuế của một nhà đầu tư đã có trong hệ thống.',
    en: 'The tax code of an investor already in the system.',
  },
};

export const IMPORT_COLUMNS: Readonly<Record<ImportEntity, readonly ImportColumn[]>> = {
  [ImportEntity.Organizations]: [
    {
      key: 'name',
      vi: 'Tên doanh nghiệp',
      en: 'Name',
      required: true,
      aliases: ['Tên công ty', 'Tên nhà đầu tư', 'Company name', 'Investor name', 'Tên'],
      hint: { vi: 'Bắt buộc.', en: 'Required.' },
    },
    {
      key: 'legalName',
      vi: 'Tên pháp lý',
      en: 'Legal name',
      required: false,
      aliases: ['Tên đầy đủ', 'Tên theo đăng ký kinh doanh'],
      hint: { vi: 'Tên trên giấy chứng nhận đăng ký doanh nghiệp.', en: 'The name on the registration certificate.' },
    },
    {
      key: 'taxCode',
      vi: 'Mã số thuế',
      en: 'Tax code',
      required: false,
      aliases: ['MST', 'Mã số doanh nghiệp', 'Tax ID'],
      hint: {
        vi: '10 chữ số (chi nhánh: thêm -NNN). Dòng có mã số thuế đã có sẽ cập nhật doanh nghiệp đó.',
        en: '10 digits (a branch adds -NNN). A row whose tax code exists updates that investor.',
      },
    },
    {
      key: 'kind',
      vi: 'Loại hình',
      en: 'Kind',
      required: false,
      aliases: ['Loại hình doanh nghiệp', 'Type'],
      hint: {
        vi: 'Trong nước, FDI (có vốn đầu tư nước ngoài) hoặc Liên doanh. Trống: trong nước nếu quốc gia là Việt Nam, nếu không là FDI.',
        en: 'Domestic, FDI (foreign-invested) or Joint venture. Empty: domestic for Viet Nam, otherwise FDI.',
      },
    },
    COUNTRY,
    {
      key: 'sectors',
      vi: 'Ngành nghề (VSIC)',
      en: 'Sectors',
      required: false,
      aliases: ['Ngành nghề', 'Ngành', 'VSIC', 'Sectors (VSIC 2018)'],
      hint: {
        vi: 'Mã VSIC 2018: chữ cái của ngành cấp 1 hoặc 2 chữ số, cách nhau bằng dấu ; (ví dụ C; 26).',
        en: 'VSIC 2018 section letters or two-digit divisions, separated by ; (e.g. C; 26).',
      },
    },
    {
      key: 'website',
      vi: 'Website',
      en: 'Website',
      required: false,
      aliases: ['Trang web', 'Web'],
      hint: { vi: 'Bắt đầu bằng http:// hoặc https://', en: 'Starting with http:// or https://' },
    },
    {
      key: 'size',
      vi: 'Quy mô',
      en: 'Size',
      required: false,
      aliases: [],
      hint: { vi: 'Siêu nhỏ, Nhỏ, Vừa hoặc Lớn.', en: 'Micro, Small, Medium or Large.' },
    },
    {
      key: 'tags',
      vi: 'Nhãn',
      en: 'Tags',
      required: false,
      aliases: [],
      hint: { vi: 'Cách nhau bằng dấu ;', en: 'Separated by ;' },
    },
    {
      key: 'source',
      vi: 'Nguồn',
      en: 'Source',
      required: false,
      aliases: ['Nguồn khách hàng', 'Lead source'],
      hint: {
        vi: 'Sự kiện xúc tiến, Giới thiệu, Website, Đến trực tiếp, Đại sứ quán, Nhà đầu tư hiện hữu hoặc Khác.',
        en: 'Promotion event, Referral, Website, Walk-in, Embassy, Existing investor or Other.',
      },
    },
    OWNER_EMAIL,
    RECORD_ID,
  ],
  [ImportEntity.Contacts]: [
    FULL_NAME,
    EMAIL,
    PHONE,
    POSITION,
    ORGANIZATION_TAX_CODE,
    {
      key: 'preferredLanguage',
      vi: 'Ngôn ngữ',
      en: 'Language',
      required: false,
      aliases: ['Ngôn ngữ ưu tiên', 'Preferred language'],
      hint: {
        vi: 'vi, en, ja, ko, zh (hoặc Tiếng Việt, English, ...). Trống: vi.',
        en: 'vi, en, ja, ko, zh (or Vietnamese, English, ...). Empty: vi.',
      },
    },
    {
      key: 'emailConsent',
      vi: 'Đồng ý nhận email',
      en: 'Email consent',
      required: false,
      aliases: ['Đồng ý', 'Consent'],
      hint: {
        vi: 'Đồng ý, Từ chối hoặc Chưa rõ.',
        en: 'Opted in, Opted out or Unknown.',
      },
    },
    {
      key: 'consentSource',
      vi: 'Nguồn đồng ý',
      en: 'Consent source',
      required: false,
      aliases: [],
      hint: {
        vi: 'Biểu mẫu, Sự kiện, Email, Điện thoại, Trực tiếp... Trống: Nhập từ tệp.',
        en: 'Form, Event, Email, Phone, In person... Empty: Import.',
      },
    },
    OWNER_EMAIL,
    RECORD_ID,
  ],
  [ImportEntity.Attendees]: [
    FULL_NAME,
    {
      ...EMAIL,
      hint: {
        vi: 'Người đã có email này trong hệ thống được thêm vào sự kiện, không tạo mới. Nên có để nhập lại không bị trùng.',
        en: 'A contact with this email is added to the event instead of a new one. Best given, so imports never duplicate.',
      },
    },
    {
      ...PHONE,
      hint: {
        vi: `${PHONE.hint.vi} Dòng không có email: người có số này được dùng.`,
        en: `${PHONE.hint.en} For a row without email, the contact with this number is used.`,
      },
    },
    POSITION,
    {
      key: 'organizationName',
      vi: 'Doanh nghiệp',
      en: 'Organization',
      required: false,
      aliases: [
        'Tên doanh nghiệp',
        'Công ty',
        'Tên công ty',
        'Đơn vị',
        'Đơn vị công tác',
        'Cơ quan',
        'Nhà đầu tư',
        'Company',
        'Company name',
        'Organisation',
        'Organization name',
        'Investor',
      ],
      hint: {
        vi: 'Cho người mới: doanh nghiệp có đúng tên này được dùng, nếu chưa có thì được thêm.',
        en: 'For a new contact: the investor with exactly this name is used, or added when there is none.',
      },
    },
    {
      ...ORGANIZATION_TAX_CODE,
      hint: {
        vi: 'Không bắt buộc. Nếu có, doanh nghiệp được tìm theo mã số thuế trước tên; chưa có thì được thêm.',
        en: 'Optional. When given, the investor is found by tax code before name, and added when there is none.',
      },
    },
    {
      ...COUNTRY,
      hint: {
        vi: 'Quốc gia của doanh nghiệp khi được thêm mới: mã ISO (VN, JP, KR) hoặc tên nước. Trống: VN.',
        en: 'The country of an investor being added: ISO code (VN, JP, KR) or name. Empty: VN.',
      },
    },
    {
      key: 'notes',
      vi: 'Ghi chú',
      en: 'Notes',
      required: false,
      aliases: ['Note', 'Nhận xét', 'Nội dung trao đổi', 'Comments', 'Remarks'],
      hint: {
        vi: 'Ghi lại vào dòng thời gian của người liên hệ sự kiện khi người đó được thêm.',
        en: 'Written on the event contact’s timeline when the person is added.',
      },
    },
  ],
};

/** Column headers a person may also find in an export; an import ignores them. */
export const EXPORT_ONLY_COLUMNS = {
  ownerName: { vi: 'Người phụ trách', en: 'Owner' },
  organizationName: { vi: 'Doanh nghiệp', en: 'Investor' },
  createdAt: { vi: 'Ngày tạo', en: 'Created' },
  updatedAt: { vi: 'Ngày cập nhật', en: 'Updated' },
} as const;

export interface ImportCounts {
  /** Data rows in the file; null until the worker has counted them. */
  total: number | null;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}

/** One row of a dry run's preview, with its values as they would be saved. */
export interface ImportPreviewRow {
  rowNumber: number;
  action: ImportRowAction;
  values: Record<string, unknown>;
  errors: { field: string | null; message: string }[];
}

export interface ImportJob extends ImportCounts {
  id: string;
  entity: ImportEntity;
  fileName: string;
  format: ImportFormat;
  fileSize: number;
  status: ImportStatus;
  dryRun: boolean;
  /** Columns of the file by the field each fills; `ignoredColumns` were not recognised. */
  columns: Record<string, string>;
  ignoredColumns: string[];
  /** Why the job failed as a whole (a broken file, for instance); row errors are listed separately. */
  errorMessage: string | null;
  /** A dry run's first rows; empty for a real import. */
  preview: ImportPreviewRow[];
  /** For a dry run: the import that applied it, once applied. */
  appliedJobId: string | null;
  /** For an applied import: the dry run it came from. */
  dryRunJobId: string | null;
  /** For an attendee import: the event the people are added to (null once the event is deleted). */
  eventId: string | null;
  eventName: string | null;
  createdById: string;
  createdByName: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  version: number;
}

export interface ImportCreated {
  id: string;
}

export interface ImportRowErrorItem {
  id: string;
  rowNumber: number;
  field: string | null;
  /** The header of that column in the file, when the error belongs to a column. */
  column: string | null;
  message: string;
  /** The row as read from the file, by header. */
  raw: Record<string, string>;
}

export interface ImportListQuery {
  limit?: number;
  cursor?: string;
}
