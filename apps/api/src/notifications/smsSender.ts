import { NotificationSender, type OutboxMessage } from './notificationSender.js';

/** What an SMS provider's adapter implements. `dedupeKey` lets the provider drop a retried message. */
export interface SmsGateway {
  sendSms(phone: string, text: string, dedupeKey: string): Promise<void>;
}

/** Turns a notification into SMS texts to the phones the host resolves for its recipient. */
export class SmsSender extends NotificationSender {
  constructor(
    private readonly gateway: SmsGateway,
    private readonly phonesOf: (message: OutboxMessage) => Promise<string[]>,
    private readonly textOf: (message: OutboxMessage) => string,
  ) {
    super();
  }

  async send(message: OutboxMessage): Promise<void> {
    const phones = await this.phonesOf(message);
    for (const [i, phone] of phones.entries())
      await this.gateway.sendSms(phone, this.textOf(message), `${message.id}:${i}`);
  }
}
