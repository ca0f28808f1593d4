import { Role } from '@irm/contracts';
import { AppException } from '../common/app-exception';
import type { Principal } from './principal';
import { assertCanEdit, canEdit } from './record-policy';

const person = (role: Role, userId = 'u-1'): Principal => ({
  userId,
  role,
  email: 'x@ipa.test',
  name: 'X',
  language: 'vi',
  via: 'session',
});

describe('owner-or-manager rule', () => {
  it('lets staff edit what they own or are assigned, nothing else', () => {
    const staff = person(Role.Staff, 'me');
    expect(canEdit(staff, { ownerId: 'me' })).toBe(true);
    expect(canEdit(staff, { ownerId: 'someone', assigneeIds: ['me'] })).toBe(true);
    expect(canEdit(staff, { ownerId: 'someone', assigneeIds: ['other'] })).toBe(false);
    expect(canEdit(staff, { ownerId: null })).toBe(false);
  });

  it('lets managers and admins edit any record', () => {
    expect(canEdit(person(Role.Manager), { ownerId: 'someone' })).toBe(true);
    expect(canEdit(person(Role.Admin), { ownerId: null })).toBe(true);
  });

  it('throws a 403 problem when refused', () => {
    expect(() => assertCanEdit(person(Role.Staff), { ownerId: 'x' }, 'prospect')).toThrow(AppException);
    try {
      assertCanEdit(person(Role.Staff), { ownerId: 'x' }, 'prospect');
    } catch (error) {
      expect((error as AppException).status).toBe(403);
      expect((error as AppException).detail).toContain('prospect');
    }
  });
});
