import { chinaDateOf, type IsoDate } from '@jiefen/legal-time';

/**
 * The service's only source of time. Flows never read a clock: the runner asks this one for
 * `today` (China Standard Time) and passes it in. Tests replace it.
 */
export abstract class Clock {
  abstract now(): Date;

  today(): IsoDate {
    return chinaDateOf(this.now());
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock tests set by hand. */
export class FixedClock extends Clock {
  constructor(private instant: Date) {
    super();
  }

  now(): Date {
    return new Date(this.instant);
  }

  set(instant: Date | string): void {
    this.instant = new Date(instant);
  }

  /** Moves to noon (China time) of `date`. */
  setToday(date: IsoDate): void {
    this.instant = new Date(`${date}T12:00:00+08:00`);
  }
}
