/**
 * Password policy (等保 身份鉴别 a): at least 8 characters, at least 3 of the 4 character
 * classes, not containing the username. Returns every problem so the form can show them all.
 */
export const PASSWORD_MIN_LENGTH = 8;

export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`密码至少 ${PASSWORD_MIN_LENGTH} 位`);
  if (password.length > 128) problems.push('密码不能超过 128 位');
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3) problems.push('密码须包含大写字母、小写字母、数字、符号中的至少三类');
  if (username && password.toLowerCase().includes(username.toLowerCase()))
    problems.push('密码不能包含用户名');
  return problems;
}
