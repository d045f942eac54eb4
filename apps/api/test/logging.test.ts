/** Log lines: readable on a terminal, JSON for a collector, Nest's wiring at debug. */
import { Writable } from 'node:stream';
import { createLogger } from '../src/common/createLogger.js';
import { PinoNestLogger } from '../src/common/pinoNestLogger.js';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, destination };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the service logger', () => {
  it('writes one human-readable line an entry on a terminal: time, level, message, fields', async () => {
    const { lines, destination } = capture();
    createLogger({ level: 'info', pretty: true, destination }).logger.info(
      { url: 'http://localhost:3000' },
      'Jiefen is listening',
    );
    await settle();
    expect(lines).toEqual([
      expect.stringMatching(
        /^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: Jiefen is listening \{"url":"http:\/\/localhost:3000"\}$/,
      ),
    ]);
  });

  it('writes one JSON object a line otherwise, with the authorization header redacted', async () => {
    const { lines, destination } = capture();
    createLogger({ level: 'info', pretty: false, destination }).logger.info(
      { req: { headers: { authorization: 'Bearer secret' } } },
      'request',
    );
    await settle();
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 30,
      msg: 'request',
      req: { headers: { authorization: '[Redacted]' } },
    });
  });
});

describe('printed text', () => {
  it.each([true, false])('comes after the lines logged before it (pretty: %s)', async (pretty) => {
    const { lines, destination } = capture();
    const { logger, print } = createLogger({ level: 'info', pretty, destination });
    logger.info('first');
    print('block\n');
    await settle();
    expect(lines).toEqual([expect.stringContaining('first'), 'block']);
  });
});

describe("Nest's log lines", () => {
  const levelsOf = async (level: string, calls: (nest: PinoNestLogger) => void) => {
    const { lines, destination } = capture();
    calls(new PinoNestLogger(createLogger({ level: level as 'info', pretty: false, destination }).logger));
    await settle();
    return lines.map((line) => JSON.parse(line) as { level: number; context: string; msg: string });
  };

  it('puts route mapping and module wiring at debug, the rest of log at info', async () => {
    const nest = (n: PinoNestLogger) => {
      n.log('Mapped {/api/v1/cases, POST} route', 'RouterExplorer');
      n.log('CasesController {/api/v1/cases}:', 'RoutesResolver');
      n.log('AppModule dependencies initialized', 'InstanceLoader');
      n.log('Nest application successfully started', 'NestApplication');
    };
    expect((await levelsOf('debug', nest)).map((l) => [l.context, l.level])).toEqual([
      ['RouterExplorer', 20],
      ['RoutesResolver', 20],
      ['InstanceLoader', 20],
      ['NestApplication', 30],
    ]);
    expect((await levelsOf('info', nest)).map((l) => l.msg)).toEqual(['Nest application successfully started']);
  });
});
