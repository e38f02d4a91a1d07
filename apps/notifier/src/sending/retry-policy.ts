/** The pause before try number `attempt + 1`, after `attempt` failed tries: `firstMs` doubled each time, capped. */
export function retryDelayMs(attempt: number, policy: { firstMs: number; maxMs: number }): number {
  return Math.min(policy.maxMs, policy.firstMs * 2 ** Math.max(0, Math.min(attempt - 1, 40)));
}

/**
 * An error message as the notifier may keep, log or publish it: the applicant's own address and number, and anything
 * that looks like an e-mail address or a phone number, replaced; cut to 300 characters.
 */
export function redactError(message: string, known: readonly (string | undefined)[] = []): string {
  let text = message;
  for (const value of known) if (value) text = text.split(value).join('[địa chỉ]');
  return text
    .replace(/[^\s<>"'@,;:]+@[^\s<>"'@,;:]+/g, '[địa chỉ]')
    .replace(/\+?\d[\d .-]{7,}\d/g, (run) => (run.replace(/\D/g, '').length >= 9 ? '[số]' : run))
    .slice(0, 300);
}
