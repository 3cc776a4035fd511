import { ConsumerGroupStates } from './consumer-group-states';

describe('ConsumerGroupStates', () => {
  it('is not ready before any consumer is watched', () => {
    expect(new ConsumerGroupStates().report()).toEqual({ ready: false, shuttingDown: false, groups: {} });
  });

  it('is ready only once every expected group has joined', () => {
    const states = new ConsumerGroupStates();
    states.expect('redcrowd-matcher');
    states.expect('redcrowd-matcher-claims');
    states.joined('redcrowd-matcher');
    expect(states.report()).toEqual({
      ready: false,
      shuttingDown: false,
      groups: { 'redcrowd-matcher': { state: 'joined' }, 'redcrowd-matcher-claims': { state: 'joining' } },
    });
    states.joined('redcrowd-matcher-claims');
    expect(states.report().ready).toBe(true);
  });

  it('is not ready after a crash kafkajs restarts from, until the group joins again', () => {
    const states = new ConsumerGroupStates();
    states.expect('redcrowd-intake');
    states.joined('redcrowd-intake');
    // kafkajs' order: the consumer stops, the crash is reported, the restart joins again.
    states.stopped('redcrowd-intake');
    states.crashed('redcrowd-intake', 'KafkaJSConnectionError: Connection timeout', true);
    expect(states.report()).toEqual({
      ready: false,
      shuttingDown: false,
      groups: {
        'redcrowd-intake': { state: 'restarting', error: 'KafkaJSConnectionError: Connection timeout' },
      },
    });
    states.joined('redcrowd-intake');
    expect(states.report()).toEqual({
      ready: true,
      shuttingDown: false,
      groups: { 'redcrowd-intake': { state: 'joined' } },
    });
  });

  it('reports a crash kafkajs gave up on', () => {
    const states = new ConsumerGroupStates();
    states.expect('redcrowd-intake');
    states.joined('redcrowd-intake');
    states.stopped('redcrowd-intake');
    states.crashed('redcrowd-intake', 'KafkaJSNonRetriableError: not authorized', false);
    expect(states.report().groups).toEqual({
      'redcrowd-intake': { state: 'crashed', error: 'KafkaJSNonRetriableError: not authorized' },
    });
    expect(states.report().ready).toBe(false);
  });

  it('is not ready once shutdown begins, though every group is still joined', () => {
    const states = new ConsumerGroupStates();
    states.expect('redcrowd-intake');
    states.joined('redcrowd-intake');
    states.beginShutdown();
    expect(states.report()).toEqual({
      ready: false,
      shuttingDown: true,
      groups: { 'redcrowd-intake': { state: 'joined' } },
    });
  });

  it('does not count a stopped consumer as joined when a late join event arrives', () => {
    const states = new ConsumerGroupStates();
    states.expect('redcrowd-intake');
    states.stopped('redcrowd-intake');
    states.joined('redcrowd-intake');
    expect(states.report().groups).toEqual({ 'redcrowd-intake': { state: 'stopped' } });
  });

  it('counts the batches each group holds through an outage, and shows them only while held', () => {
    const states = new ConsumerGroupStates();
    states.expect('redcrowd-matcher');
    states.expect('redcrowd-matcher-claims');
    states.joined('redcrowd-matcher');
    states.joined('redcrowd-matcher-claims');
    states.batchHeld('redcrowd-matcher-claims');
    states.batchHeld('redcrowd-matcher-claims');
    expect(states.report()).toEqual({
      ready: true,
      shuttingDown: false,
      groups: {
        'redcrowd-matcher': { state: 'joined' },
        'redcrowd-matcher-claims': { state: 'joined', heldBatches: 2 },
      },
    });
    states.batchReleased('redcrowd-matcher-claims');
    expect(states.heldBatches('redcrowd-matcher-claims')).toBe(1);
    states.batchReleased('redcrowd-matcher-claims');
    states.batchReleased('redcrowd-matcher-claims');
    expect(states.heldBatches('redcrowd-matcher-claims')).toBe(0);
    expect(states.report().groups['redcrowd-matcher-claims']).toEqual({ state: 'joined' });
  });
});
