import { toPublicAgency } from './public-agency';

describe('toPublicAgency', () => {
  it('takes the agency’s names, address and contact from the province setting', () => {
    expect(
      toPublicAgency({
        provinceName: 'Vĩnh Phúc',
        agencyName: { vi: ' Trung tâm Xúc tiến Đầu tư tỉnh Vĩnh Phúc ', en: 'Vinh Phuc Investment Promotion Centre' },
        agencyAddress: 'Thành phố Vĩnh Yên, tỉnh Vĩnh Phúc',
        agencyPhone: '+84 211 3 000 000',
        agencyEmail: 'ipc@example.vn',
        agencyWebsite: 'https://ipc.example.vn',
      }),
    ).toEqual({
      name: { vi: 'Trung tâm Xúc tiến Đầu tư tỉnh Vĩnh Phúc', en: 'Vinh Phuc Investment Promotion Centre' },
      address: 'Thành phố Vĩnh Yên, tỉnh Vĩnh Phúc',
      phone: '+84 211 3 000 000',
      email: 'ipc@example.vn',
      website: 'https://ipc.example.vn/',
    });
  });

  it('fills a missing name from the other language, then from the generic one; other parts are null', () => {
    expect(toPublicAgency({ agencyName: { vi: 'Trung tâm XTĐT' } }).name).toEqual({
      vi: 'Trung tâm XTĐT',
      en: 'Trung tâm XTĐT',
    });
    expect(toPublicAgency(null)).toEqual({
      name: { vi: 'Trung tâm Xúc tiến Đầu tư', en: 'Investment Promotion Centre' },
      address: null,
      phone: null,
      email: null,
      website: null,
    });
  });

  it('never turns a setting into a script link or a broken mail link', () => {
    const agency = toPublicAgency({
      agencyWebsite: 'javascript:alert(1)',
      agencyEmail: 'not an address',
      agencyPhone: 7,
    });
    expect(agency).toMatchObject({ website: null, email: null, phone: null });
  });
});
