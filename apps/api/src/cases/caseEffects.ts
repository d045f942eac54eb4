import { Injectable, Logger } from '@nestjs/common';
import type { Effect } from '@jiefen/flows';

/** The effects of a committed change of one case. */
export interface CommittedEffects {
  caseId: string;
  effects: readonly Effect[];
}

/**
 * After commit: what the flow asked for beyond the rows already written. Notifications and
 * documents are outbox and document rows written with the event; what is left is the record of
 * them at debug level (at info, this line was a third log line per event, saying what the outbox
 * and the notification sender say).
 */
@Injectable()
export class CaseEffects {
  private readonly logger = new Logger('CaseRunner');

  afterCommit(committed: readonly CommittedEffects[]): void {
    for (const { caseId, effects } of committed) {
      for (const effect of effects) {
        if (effect.type === 'document.issued' || effect.type === 'notice.sent') {
          this.logger.debug({
            caseId,
            effect: effect.type,
            ...('document' in effect ? { document: effect.document } : { notice: effect.notice }),
          });
        }
      }
    }
  }
}
