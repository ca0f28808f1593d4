import { LeadSource, OrganizationKind, OrganizationSize } from '@irm/contracts';
import type { TFunction } from 'i18next';

export const KINDS = Object.values(OrganizationKind);
export const SIZES = Object.values(OrganizationSize);
export const SOURCES = Object.values(LeadSource);

export const isKind = (value: unknown): value is OrganizationKind => KINDS.includes(value as OrganizationKind);
export const isSize = (value: unknown): value is OrganizationSize => SIZES.includes(value as OrganizationSize);
export const isSource = (value: unknown): value is LeadSource => SOURCES.includes(value as LeadSource);

export const kindOptions = (t: TFunction) => KINDS.map((kind) => ({ value: kind, label: t(`investors.kind.${kind}`) }));
export const sizeOptions = (t: TFunction) => SIZES.map((size) => ({ value: size, label: t(`investors.size.${size}`) }));
export const sourceOptions = (t: TFunction) =>
  SOURCES.map((source) => ({ value: source, label: t(`investors.source.${source}`) }));
