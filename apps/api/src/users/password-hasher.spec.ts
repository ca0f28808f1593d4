import { isUsablePasswordHash, NO_PASSWORD, PasswordHasher } from './password-hasher';

describe('password hashes', () => {
  const hasher = new PasswordHasher();

  it('never verifies anything against the marker of a pending invitation', async () => {
    expect(isUsablePasswordHash(NO_PASSWORD)).toBe(false);
    for (const attempt of [NO_PASSWORD, '', 'invited', '!'])
      expect(await hasher.verify(NO_PASSWORD, attempt)).toBe(false);
  });

  it('verifies a real argon2id hash', async () => {
    const hash = await hasher.hash('Khu công nghiệp Khai Quang');
    expect(isUsablePasswordHash(hash)).toBe(true);
    expect(await hasher.verify(hash, 'Khu công nghiệp Khai Quang')).toBe(true);
    expect(await hasher.verify(hash, 'Khu công nghiệp Khai Quang!')).toBe(false);
  });
});
