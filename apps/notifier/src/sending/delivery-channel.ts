import type { ApplicantDetails } from '@app/domain';

export type DeliveryChannelName = 'email' | 'sms';

/** One message to one person, ready to go (its text rendered from the templates). */
export interface Delivery {
  /** The notification's id (`<event id>.<channel>`): a gateway can drop a repeat by it. */
  id: string;
  /** `<event id>.<channel>@dossier-tracker`: the same on every try, so a mail system can spot a repeat. */
  messageId: string;
  to: string;
  subject: string;
  text: string;
  sms: string;
}

/**
 * The port of a way to reach an applicant. `send` resolves once the provider accepted the message and rejects
 * otherwise (tried again later). Error messages may quote the address: the sender redacts them before keeping them.
 */
export interface DeliveryChannel {
  readonly name: DeliveryChannelName;
  /** The applicant's address on this channel, or undefined when they gave none. */
  addressOf(details: ApplicantDetails): string | undefined;
  send(delivery: Delivery): Promise<void>;
  close(): Promise<void>;
}
