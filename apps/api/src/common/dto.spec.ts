import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { IsVersion, MAX_VERSION } from './dto';

class Versioned {
  @IsVersion()
  version!: number;
}

class Settings {
  @IsVersion(0)
  version!: number;
}

const check = <T extends object>(type: new () => T, version: unknown) => {
  const dto = plainToInstance(type, { version }) as T & { version: unknown };
  return { valid: validateSync(dto).length === 0, version: dto.version };
};

describe('IsVersion', () => {
  it('takes a whole number from JSON or a query string', () => {
    expect(check(Versioned, 3)).toEqual({ valid: true, version: 3 });
    expect(check(Versioned, '3')).toEqual({ valid: true, version: 3 });
    expect(check(Versioned, MAX_VERSION)).toEqual({ valid: true, version: MAX_VERSION });
    expect(check(Settings, 0)).toEqual({ valid: true, version: 0 });
  });

  it('reads nothing else as a number', () => {
    // `true`, `[1]` and `""` used to become 1, 1 and 0.
    for (const bogus of [true, [1], '', ' 1', '1.0', '0x1', '1e0', 'Infinity', null, {}])
      expect(check(Versioned, bogus).valid).toBe(false);
    expect(check(Settings, '').valid).toBe(false);
  });

  it('stays within the integer column, so a stale check never overflows in SQL', () => {
    for (const outOfRange of [0, -1, MAX_VERSION + 1, 2 ** 53, 1e20, 1.5])
      expect(check(Versioned, outOfRange).valid).toBe(false);
    expect(check(Versioned, String(MAX_VERSION + 1)).valid).toBe(false);
  });
});
