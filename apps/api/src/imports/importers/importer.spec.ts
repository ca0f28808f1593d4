import { diff } from '../../audit/audit.service';
import { createdChanges } from './importer';

describe('createdChanges', () => {
  it('gives what the API records for a new record', () => {
    const values = { name: 'Công ty Đồng Sóc', legalName: null, sectors: ['C'], size: undefined };
    const fields = ['name', 'legalName', 'sectors', 'size'] as const;
    expect(createdChanges(values, fields)).toEqual(diff({} as typeof values, values, fields));
  });
});
