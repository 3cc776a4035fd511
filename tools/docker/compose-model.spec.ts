import { interpolate, InterpolationError, mergeCompose } from './compose-model';

describe('interpolate', () => {
  const env = { SET: 'value', EMPTY: '' };

  it.each([
    ['$SET and ${SET}', 'value and value'],
    ['${MISSING:-fallback} ${EMPTY:-fallback} ${EMPTY-fallback}', 'fallback fallback '],
    ['${MISSING:-${SET}}:${MISSING:-${ALSO_MISSING:-3000}}', 'value:3000'],
    ['${SET:+other}|${EMPTY:+other}|${EMPTY+other}', 'other||other'],
    ['$$SET costs $$5', '$SET costs $5'],
    ['${MISSING}', ''],
  ])('reads %s as Compose does', (text, expected) => {
    expect(interpolate(text, env)).toBe(expected);
  });

  it('interpolates values, not keys, through mappings and sequences', () => {
    expect(interpolate({ $SET: ['${SET}', 3000, { port: '${PORT:-3001}' }] }, env)).toEqual({
      $SET: ['value', 3000, { port: '3001' }],
    });
  });

  it('refuses a required variable that is unset, or empty with :?', () => {
    expect(() => interpolate('${MISSING:?set MISSING}', env)).toThrow(
      new InterpolationError('required variable MISSING is missing a value: set MISSING'),
    );
    expect(() => interpolate('${EMPTY:?set it}', env)).toThrow(InterpolationError);
    expect(interpolate('${EMPTY?set it}', env)).toBe('');
  });
});

describe('mergeCompose', () => {
  it('merges mappings and environments, appends sequences, replaces commands and scalars', () => {
    const base = {
      services: {
        intake: {
          image: 'redcrowd/intake:0.1.0',
          command: ['node', 'a.js'],
          environment: { KAFKA_BROKERS: 'kafka:9092', LOG_LEVEL: 'info' },
          ports: ['127.0.0.1:3000:3000'],
          healthcheck: { test: ['CMD', 'true'], interval: '10s' },
        },
      },
    };
    const override = {
      services: {
        intake: {
          command: ['node', 'b.js'],
          environment: ['LOG_LEVEL=debug', 'KAFKA_TLS=true'],
          ports: ['127.0.0.1:3443:3443'],
          healthcheck: { test: ['CMD', 'false'] },
        },
        kafka: { image: 'apache/kafka:4.1.1' },
      },
    };
    expect(mergeCompose(base, override)).toEqual({
      services: {
        intake: {
          image: 'redcrowd/intake:0.1.0',
          command: ['node', 'b.js'],
          environment: { KAFKA_BROKERS: 'kafka:9092', LOG_LEVEL: 'debug', KAFKA_TLS: 'true' },
          ports: ['127.0.0.1:3000:3000', '127.0.0.1:3443:3443'],
          healthcheck: { test: ['CMD', 'false'], interval: '10s' },
        },
        kafka: { image: 'apache/kafka:4.1.1' },
      },
    });
  });
});
