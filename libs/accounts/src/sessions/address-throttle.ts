/**
 * Failed sign-ins per address: past `maxFailures` within `windowMinutes`, the address is refused sign-in until the
 * window ends (whatever the account: a password-spraying client is stopped too). In the process's memory: each
 * process counts its own (a load balancer spreads a client over few).
 */
export class AddressThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly maxFailures = 20,
    readonly windowMinutes = 15,
  ) {}

  /** When the address may try again, if it is throttled now. */
  blockedUntil(address: string, now = Date.now()): Date | undefined {
    const recent = this.recent(address, now);
    if (recent.length < this.maxFailures) return undefined;
    return new Date((recent[0] as number) + this.windowMinutes * 60_000);
  }

  /** Counts a failure; true when this one throttles the address (the moment to record it). */
  fail(address: string, now = Date.now()): boolean {
    const recent = this.recent(address, now);
    recent.push(now);
    this.failures.set(address, recent);
    if (this.failures.size > 100_000) this.failures.clear();
    return recent.length === this.maxFailures;
  }

  private recent(address: string, now: number): number[] {
    const since = now - this.windowMinutes * 60_000;
    return (this.failures.get(address) ?? []).filter((t) => t > since);
  }
}
