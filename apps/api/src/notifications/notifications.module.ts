import { Module } from '@nestjs/common';
import { LogSender } from './logSender.js';
import { NotificationSender } from './notificationSender.js';
import { OutboxDispatcher } from './outboxDispatcher.js';

@Module({
  providers: [OutboxDispatcher, { provide: NotificationSender, useClass: LogSender }],
  exports: [OutboxDispatcher],
})
export class NotificationsModule {}
