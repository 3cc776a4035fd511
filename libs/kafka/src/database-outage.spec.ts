import type { EachBatchPayload } from 'kafkajs';
import { RetriesExhaustedError } from '@redcrowd/runtime';
import { BatchAbandonedError, batchControl, type BatchControl } from './batch-consumer';
import { retryThroughOutage } from './database-outage';

const NO_WAIT = { maxAttempts: 2, baseDelayMs: 1 };
const refused = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
const lockTimeout = () =>
  Object.assign(new Error('canceling statement due to lock timeout'), { code: '55P03' });
const tooManyClients = () => Object.assign(new Error('sorry, too many clients already'), { code: '53300' });

/** A control that records its holds and reports the database back at once. */
function recordingControl(): BatchControl & { holds: number } {
  const control = {
    holds: 0,
    async holdUntil(isBack: () => Promise<boolean>) {
      control.holds += 1;
      while (!(await isBack())) {
        // the fake database comes back by itself after some looks
      }
    },
  };
  return control;
}

describe('retryThroughOutage', () => {
  it('holds the batch while the database is unreachable, then runs the work again', async () => {
    const control = recordingControl();
    let attempts = 0;
    let looks = 0;
    const result = await retryThroughOutage(
      async () => {
        attempts += 1;
        if (attempts <= 5) throw refused();
        return 'stored';
      },
      NO_WAIT,
      { control, databaseAnswers: async () => ++looks >= 3 },
    );
    expect(result).toBe('stored');
    // Two attempts per try: held after the 2nd and after the 4th, stored at the 6th.
    expect(attempts).toBe(6);
    expect(control.holds).toBe(2);
  });

  it('tells when a hold begins and ends', async () => {
    const heard: string[] = [];
    let attempts = 0;
    await retryThroughOutage(
      async () => {
        attempts += 1;
        if (attempts <= 2) throw refused();
      },
      NO_WAIT,
      {
        control: recordingControl(),
        databaseAnswers: async () => true,
        onHold: (error) => heard.push(`hold: ${(error as Error).message}`),
        onResume: (heldMs) => heard.push(`resume after ${heldMs >= 0 ? 'some' : 'negative'} ms`),
      },
    );
    expect(heard).toEqual(['hold: connect ECONNREFUSED 127.0.0.1:5432', 'resume after some ms']);
  });

  it('gives a lock timeout that keeps coming back with the database up to the caller, unheld', async () => {
    const control = recordingControl();
    const outcome = retryThroughOutage(
      async () => {
        throw lockTimeout();
      },
      NO_WAIT,
      { control, databaseAnswers: async () => true },
    );
    await expect(outcome).rejects.toBeInstanceOf(RetriesExhaustedError);
    expect(control.holds).toBe(0);
  });

  it('holds for resource errors only while the database does not answer a ping', async () => {
    const control = recordingControl();
    let attempts = 0;
    const answers = [false, true];
    await retryThroughOutage(
      async () => {
        attempts += 1;
        if (attempts <= 2) throw tooManyClients();
      },
      NO_WAIT,
      { control, databaseAnswers: async () => answers.shift() ?? true },
    );
    expect(control.holds).toBe(1);
    expect(attempts).toBe(3);
  });

  it('never holds for an error that is not the infrastructure’s', async () => {
    const control = recordingControl();
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')");
    const outcome = retryThroughOutage(
      async () => {
        throw bug;
      },
      NO_WAIT,
      { control, databaseAnswers: async () => false },
    );
    await expect(outcome).rejects.toMatchObject({ lastError: bug, attempts: 1 });
    expect(control.holds).toBe(0);
  });
});

/** The slice of kafkajs's batch payload a held batch uses. */
function fakePayload(state: { running: boolean; stale: boolean; heartbeats: number }): EachBatchPayload {
  return {
    isRunning: () => state.running,
    isStale: () => state.stale,
    heartbeat: async () => {
      state.heartbeats += 1;
    },
  } as unknown as EachBatchPayload;
}

describe('batchControl.holdUntil', () => {
  it('heartbeats between looks and returns once the database is back', async () => {
    const state = { running: true, stale: false, heartbeats: 0 };
    let looks = 0;
    await batchControl(fakePayload(state)).holdUntil(async () => ++looks === 2);
    expect(looks).toBe(2);
    expect(state.heartbeats).toBe(2);
  });

  it('abandons the batch, uncommitted, when the consumer is stopping', async () => {
    const state = { running: true, stale: false, heartbeats: 0 };
    const held = batchControl(fakePayload(state)).holdUntil(async () => {
      state.running = false;
      return false;
    });
    await expect(held).rejects.toThrow(new BatchAbandonedError('the consumer is stopping'));
  });

  it('abandons the batch when its partition was given to another member', async () => {
    const state = { running: true, stale: true, heartbeats: 0 };
    const held = batchControl(fakePayload(state)).holdUntil(async () => true);
    await expect(held).rejects.toThrow('the partition was reassigned');
    expect(state.heartbeats).toBe(0);
  });

  it('lets a rebalance met while heartbeating reach kafkajs', async () => {
    const rebalancing = new Error('The group is rebalancing, so a rejoin is needed');
    const payload = {
      isRunning: () => true,
      isStale: () => false,
      heartbeat: async () => {
        throw rebalancing;
      },
    } as unknown as EachBatchPayload;
    await expect(batchControl(payload).holdUntil(async () => true)).rejects.toBe(rebalancing);
  });

  it('tells its hooks when the hold begins and ends, also when the batch is abandoned', async () => {
    const told: string[] = [];
    const hooks = { held: () => told.push('held'), released: () => told.push('released') };
    const state = { running: true, stale: false, heartbeats: 0 };
    await batchControl(fakePayload(state), hooks).holdUntil(async () => true);
    state.stale = true;
    await expect(batchControl(fakePayload(state), hooks).holdUntil(async () => true)).rejects.toThrow(
      BatchAbandonedError,
    );
    expect(told).toEqual(['held', 'released', 'held', 'released']);
  });
});
