import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  FieldError,
  PortalAssignment,
  PortalAssignmentMode,
  ZONE_SECTORS,
  ZoneSector,
} from '@irm/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, diff } from '../audit/audit.service';
import { AppException, ErrorCode } from '../common/app-exception';
import { UUID_PATTERN } from '../common/pagination';
import type { PortalAssignmentDto } from './portal.dto';
import { PortalRepository } from './portal.repository';

export const PORTAL_ASSIGNMENT_KEY = 'portal_assignment';
const ROUND_ROBIN = 'round_robin';

type StoredAssignment = Omit<PortalAssignment, 'version'>;

const DEFAULT: StoredAssignment = { mode: PortalAssignmentMode.RoundRobin, staffIds: [], sectorOwners: {} };

/**
 * Who owns what the portal brings in, by the rule managers set: turns among the listed staff (a counter row locked
 * per submission, so concurrent submissions are spread evenly), or the owner named for the submission's sector.
 * Without a usable rule, the longest-serving active manager takes it, so nothing is left without an owner.
 */
@Injectable()
export class PortalAssignmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly portal: PortalRepository,
    private readonly audit: AuditService,
  ) {}

  async get(manager: EntityManager = this.dataSource.manager): Promise<PortalAssignment> {
    const row = await this.portal.readSetting<StoredAssignment>(manager, PORTAL_ASSIGNMENT_KEY);
    return { ...DEFAULT, ...(row?.value ?? {}), version: row?.version ?? 0 };
  }

  async update(input: PortalAssignmentDto): Promise<PortalAssignment> {
    const { version, ...value } = input;
    const errors: FieldError[] = [];
    for (const [sector, userId] of Object.entries(value.sectorOwners)) {
      if (!(ZONE_SECTORS as readonly string[]).includes(sector))
        errors.push({ field: `sectorOwners.${sector}`, message: 'is not a sector' });
      else if (typeof userId !== 'string' || !UUID_PATTERN.test(userId))
        errors.push({ field: `sectorOwners.${sector}`, message: 'must be a user id' });
    }
    if (errors.length)
      throw new AppException(
        ErrorCode.ValidationFailed,
        errors.map((e) => `${e.field}: ${e.message}`).join('; '),
        errors,
      );
    return this.dataSource.transaction(async (manager) => {
      const named = [...new Set([...value.staffIds, ...Object.values(value.sectorOwners)])] as string[];
      const active = new Set(await this.portal.activeUsers(manager, named));
      const inactive = [
        ...value.staffIds.flatMap((id, index) =>
          active.has(id) ? [] : [{ field: `staffIds[${index}]`, message: 'is not an active user' }],
        ),
        ...Object.entries(value.sectorOwners).flatMap(([sector, id]) =>
          active.has(id as string) ? [] : [{ field: `sectorOwners.${sector}`, message: 'is not an active user' }],
        ),
      ];
      if (inactive.length)
        throw new AppException(ErrorCode.RuleViolated, 'Only active users can take portal submissions.', inactive);
      const before = await this.get(manager);
      const stored: StoredAssignment = { mode: value.mode, staffIds: value.staffIds, sectorOwners: value.sectorOwners };
      if (!(await this.portal.writeSetting(manager, PORTAL_ASSIGNMENT_KEY, stored, version)))
        throw new AppException(ErrorCode.StaleVersion, 'Someone else changed this rule; reload to see their change.');
      await this.audit.record(manager, {
        action: AuditAction.Update,
        subjectType: 'setting',
        subjectId: PORTAL_ASSIGNMENT_KEY,
        changes: diff(before as StoredAssignment, stored, ['mode', 'staffIds', 'sectorOwners']),
      });
      return this.get(manager);
    });
  }

  /** The owner of a new submission, in its transaction. */
  async chooseOwner(manager: EntityManager, sector: ZoneSector | null | undefined): Promise<string> {
    const rule = await this.get(manager);
    if (rule.mode === PortalAssignmentMode.BySector && sector) {
      const named = rule.sectorOwners[sector];
      if (named && (await this.portal.activeUsers(manager, [named])).length) return named;
    }
    const staff = await this.portal.activeUsers(manager, rule.staffIds);
    if (staff.length) return staff[(await this.portal.nextTurn(manager, ROUND_ROBIN)) % staff.length];
    const fallback = await this.portal.fallbackOwner(manager);
    if (!fallback) throw new AppException(ErrorCode.ServiceUnavailable, 'Nobody can take submissions yet.');
    return fallback;
  }
}
