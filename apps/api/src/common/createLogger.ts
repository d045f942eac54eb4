import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { prettyFactory } from 'pino-pretty';

export interface LoggerSettings {
  level: LoggerOptions['level'];
  /** Human-readable lines (a person at a terminal) instead of one JSON object a line (a log collector). */
  pretty: boolean;
  /** Where lines go; standard output by default. */
  destination?: NodeJS.WritableStream;
}

export interface ServiceLog {
  logger: Logger;
  /** Writes text as is, after every line logged so far (the demo login block). */
  print(text: string): void;
}

const OPTIONS: LoggerOptions = { redact: ['req.headers.authorization'] };

/**
 * The service's logger. JSON lines for machines, written asynchronously: a line is queued and
 * written by the next free write, so under load many lines go out in one system call instead of
 * one synchronous write each (two to three per event), which cost about a sixth of the service's
 * CPU; pino flushes what is queued when the process exits. On a terminal, pino-pretty's
 * coloured lines, formatted and written synchronously in this thread (a person reading does not
 * need thousands a second, and text printed afterwards then comes after them).
 */
export function createLogger(settings: LoggerSettings): ServiceLog {
  const destination: DestinationStream = settings.pretty
    ? prettyDestination(settings.destination ?? process.stdout)
    : jsonDestination(settings.destination);
  return {
    logger: pino({ ...OPTIONS, level: settings.level }, destination),
    print: (text) => void destination.write(text),
  };
}

function prettyDestination(out: NodeJS.WritableStream): DestinationStream {
  const prettify = prettyFactory({
    colorize: out === process.stdout,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname',
    singleLine: true,
  });
  return { write: (line: string) => void out.write(line.startsWith('{') ? prettify(line) : line) };
}

function jsonDestination(out: NodeJS.WritableStream | undefined): DestinationStream {
  return (out as DestinationStream | undefined) ?? pino.destination({ dest: 1, sync: false });
}
