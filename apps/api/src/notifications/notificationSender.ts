/** A notification as the outbox hands it to a sender. `id` is stable across retries: senders dedupe on it. */
export interface OutboxMessage {
  id: string;
  caseId: string | null;
  kind: string;
  recipient: Record<string, unknown>;
  payload: Record<string, unknown>;
  attempt: number;
}

/** Delivers notifications (log, SMS …). Throwing means "not delivered": the outbox retries with backoff. */
export abstract class NotificationSender {
  abstract send(message: OutboxMessage): Promise<void>;
}
