import { Logger } from '@nestjs/common';
import { NotificationSender, type OutboxMessage } from './notificationSender.js';

/** The default sender: one structured log line per notification. */
export class LogSender extends NotificationSender {
  private readonly logger = new Logger('Notification');

  async send(message: OutboxMessage): Promise<void> {
    this.logger.log({
      notification: message.id,
      caseId: message.caseId,
      kind: message.kind,
      recipient: message.recipient,
    });
  }
}
