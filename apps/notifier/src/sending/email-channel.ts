import { createTransport } from 'nodemailer';
import type { Transporter } from 'nodemailer/lib/mailer';
import type { ApplicantDetails } from '@app/domain';
import type { Delivery, DeliveryChannel } from './delivery-channel';

/**
 * E-mail over SMTP (nodemailer, a pool of `connections` SMTP connections to SMTP_URL). Plain UTF-8 text, the
 * notification's deterministic Message-ID; resolves when the server answered 250 to the message.
 */
export class EmailChannel implements DeliveryChannel {
  readonly name = 'email' as const;
  private readonly transport: Transporter;

  constructor(options: { smtpUrl: string; from: string; connections: number }) {
    this.transport = createTransport(
      {
        url: options.smtpUrl,
        pool: true,
        maxConnections: options.connections,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      } as Parameters<typeof createTransport>[0] & { pool: true },
      { from: options.from },
    );
  }

  addressOf(details: ApplicantDetails): string | undefined {
    return details.email || undefined;
  }

  async send(delivery: Delivery): Promise<void> {
    await this.transport.sendMail({
      to: delivery.to,
      subject: delivery.subject,
      text: delivery.text,
      messageId: `<${delivery.messageId}>`,
      headers: { 'X-Notification-Id': delivery.id },
    });
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
