import { hashPassword, oneTimePassword, verifyPassword } from './password-hasher';
import { passwordProblem } from './password-policy';

describe('passwords', () => {
  it('hashes with argon2id at OWASP parameters, salted, and verifies', async () => {
    const hash = await hashPassword('Một câu mật khẩu đủ dài 2026');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await hashPassword('Một câu mật khẩu đủ dài 2026')).not.toBe(hash);
    expect(await verifyPassword(hash, 'Một câu mật khẩu đủ dài 2026')).toBe(true);
    expect(await verifyPassword(hash, 'một câu mật khẩu đủ dài 2026')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });

  it('refuses short, common and username-bearing passwords, naming the rule', () => {
    expect(passwordProblem('ngắn', 'lan')?.rule).toBe('minLength');
    expect(passwordProblem('x'.repeat(129), 'lan')?.rule).toBe('maxLength');
    for (const common of ['1234567890', 'password123', 'Matkhau@2024', 'Mật khẩu 123456', 'qwertyuiop'])
      expect(passwordProblem(common, 'lan')?.rule).toBe('notCommon');
    expect(passwordProblem('nguyenvana-2026!', 'nguyenvana')?.rule).toBe('notUsername');
    expect(passwordProblem('sông Hương núi Ngự', 'lan')).toBeUndefined();
  });

  it('makes one-time passwords that pass the policy', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const password = oneTimePassword();
      expect(password).toMatch(/^[a-zA-Z2-9]{16}$/);
      expect(passwordProblem(password, 'lan')).toBeUndefined();
      seen.add(password);
    }
    expect(seen.size).toBe(50);
  });
});
