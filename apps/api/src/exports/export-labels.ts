import { ConsentSource, EmailConsent, LeadSource, OrganizationKind, OrganizationSize } from '@irm/contracts';

export type ExportLanguage = 'vi' | 'en';
type Labels<T extends string> = Record<ExportLanguage, Record<T, string>>;

/*
 * Words an export writes for coded values. Each is also a word the import reads back
 * (see imports/import-columns.ts), so an exported file can be edited and imported again.
 */

export const KIND_LABELS: Labels<OrganizationKind> = {
  vi: {
    [OrganizationKind.Domestic]: 'Trong nước',
    [OrganizationKind.ForeignInvested]: 'Có vốn đầu tư nước ngoài',
    [OrganizationKind.JointVenture]: 'Liên doanh',
  },
  en: {
    [OrganizationKind.Domestic]: 'Domestic',
    [OrganizationKind.ForeignInvested]: 'Foreign-invested',
    [OrganizationKind.JointVenture]: 'Joint venture',
  },
};

export const SIZE_LABELS: Labels<OrganizationSize> = {
  vi: {
    [OrganizationSize.Micro]: 'Siêu nhỏ',
    [OrganizationSize.Small]: 'Nhỏ',
    [OrganizationSize.Medium]: 'Vừa',
    [OrganizationSize.Large]: 'Lớn',
  },
  en: {
    [OrganizationSize.Micro]: 'Micro',
    [OrganizationSize.Small]: 'Small',
    [OrganizationSize.Medium]: 'Medium',
    [OrganizationSize.Large]: 'Large',
  },
};

export const SOURCE_LABELS: Labels<LeadSource> = {
  vi: {
    [LeadSource.PromotionEvent]: 'Sự kiện xúc tiến đầu tư',
    [LeadSource.Referral]: 'Giới thiệu',
    [LeadSource.Website]: 'Website',
    [LeadSource.WalkIn]: 'Đến trực tiếp',
    [LeadSource.Embassy]: 'Đại sứ quán hoặc thương vụ',
    [LeadSource.ExistingInvestor]: 'Nhà đầu tư hiện hữu',
    [LeadSource.Other]: 'Khác',
  },
  en: {
    [LeadSource.PromotionEvent]: 'Promotion event',
    [LeadSource.Referral]: 'Referral',
    [LeadSource.Website]: 'Website',
    [LeadSource.WalkIn]: 'Walk-in',
    [LeadSource.Embassy]: 'Embassy or trade office',
    [LeadSource.ExistingInvestor]: 'Existing investor',
    [LeadSource.Other]: 'Other',
  },
};

export const CONSENT_LABELS: Labels<EmailConsent> = {
  vi: { [EmailConsent.Unknown]: 'Chưa rõ', [EmailConsent.OptedIn]: 'Đồng ý', [EmailConsent.OptedOut]: 'Từ chối' },
  en: { [EmailConsent.Unknown]: 'Unknown', [EmailConsent.OptedIn]: 'Opted in', [EmailConsent.OptedOut]: 'Opted out' },
};

export const CONSENT_SOURCE_LABELS: Labels<ConsentSource> = {
  vi: {
    [ConsentSource.Form]: 'Biểu mẫu',
    [ConsentSource.Event]: 'Sự kiện',
    [ConsentSource.Email]: 'Thư điện tử',
    [ConsentSource.Phone]: 'Điện thoại',
    [ConsentSource.InPerson]: 'Gặp trực tiếp',
    [ConsentSource.Import]: 'Nhập từ tệp',
    [ConsentSource.Unsubscribe]: 'Hủy đăng ký',
  },
  en: {
    [ConsentSource.Form]: 'Form',
    [ConsentSource.Event]: 'Event',
    [ConsentSource.Email]: 'Email',
    [ConsentSource.Phone]: 'Phone',
    [ConsentSource.InPerson]: 'In person',
    [ConsentSource.Import]: 'Import',
    [ConsentSource.Unsubscribe]: 'Unsubscribe',
  },
};
