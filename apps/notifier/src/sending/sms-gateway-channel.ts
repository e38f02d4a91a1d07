import type { ApplicantDetails } from '@app/domain';
import type { Delivery, DeliveryChannel } from './delivery-channel';

/**
 * SMS through the provider's HTTP gateway (SMS_GATEWAY_URL): `POST {to, text, reference}` as JSON, with the
 * notification id in `Idempotency-Key` too; any 2xx is accepted. The only adapter of the SMS port: a province wires
 * its provider's gateway here (or puts a small translating proxy at that URL).
 */
export class SmsGatewayChannel implements DeliveryChannel {
  readonly name = 'sms' as const;

  constructor(private readonly options: { url: string; timeoutMs?: number }) {}

  addressOf(details: ApplicantDetails): string | undefined {
    return details.phone || undefined;
  }

  async send(delivery: Delivery): Promise<void> {
    const response = await fetch(this.options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'idempotency-key': delivery.id },
      body: JSON.stringify({ to: delivery.to, text: delivery.sms, reference: delivery.id }),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
    });
    await response.body?.cancel().catch(() => undefined);
    // the status only: a gateway's answer may quote the number
    if (!response.ok) throw new Error(`SMS gateway answered HTTP ${response.status}`);
  }

  async close(): Promise<void> {}
}
