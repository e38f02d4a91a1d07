import { Injectable } from '@nestjs/common';

/** Other modules (the projector: lag and throughput) register extra details shown by /health. */
@Injectable()
export class HealthIndicators {
  private readonly sources = new Map<string, () => Promise<unknown> | unknown>();

  register(name: string, source: () => Promise<unknown> | unknown): void {
    this.sources.set(name, source);
  }

  async collect(): Promise<Record<string, unknown>> {
    const details: Record<string, unknown> = {};
    for (const [name, source] of this.sources) {
      try {
        details[name] = await source();
      } catch (error) {
        details[name] = { error: (error as Error).message };
      }
    }
    return details;
  }
}
