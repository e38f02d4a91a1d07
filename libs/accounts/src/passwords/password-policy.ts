import { COMMON_PASSWORDS, commonForm } from './common-passwords';

/** Passwords for people (OWASP ASVS 2.1): at least 10 characters, at most 128, not a common one, not the username. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/** Why a password is refused (rule, and the sentence the user reads); undefined when it is acceptable. */
export function passwordProblem(password: string, username: string): { rule: string; message: string } | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH)
    return { rule: 'minLength', message: `Mật khẩu cần ít nhất ${PASSWORD_MIN_LENGTH} ký tự.` };
  if (length > PASSWORD_MAX_LENGTH)
    return { rule: 'maxLength', message: `Mật khẩu dài tối đa ${PASSWORD_MAX_LENGTH} ký tự.` };
  const form = commonForm(password);
  if (form.length < 4 || COMMON_PASSWORDS.has(form) || COMMON_PASSWORDS.has(password.toLowerCase()))
    return { rule: 'notCommon', message: 'Mật khẩu quá phổ biến, dễ bị đoán; hãy chọn mật khẩu khác.' };
  if (form.includes(commonForm(username)) && username.length >= 3)
    return { rule: 'notUsername', message: 'Mật khẩu không được chứa tên đăng nhập.' };
  return undefined;
}
