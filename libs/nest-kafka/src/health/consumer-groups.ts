import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Consumer } from 'kafkajs';
import type { BatchHoldHooks } from '@redcrowd/kafka';
import { ConsumerGroupStates, type ConsumerGroupsReport } from './consumer-group-states';

/**
 * The service's Kafka consumers: their group state for readiness (from kafkajs'
 * instrumentation events), and their orderly stop. Shutdown first marks the service not
 * ready, then lets the consumers finish their in-flight batches and leave their groups,
 * while HTTP still answers (Nest closes the HTTP server after this hook), so a load
 * balancer or Compose reads "not ready" for as long as the service drains.
 */
@Injectable()
export class ConsumerGroups implements BeforeApplicationShutdown {
  private readonly states = new ConsumerGroupStates();
  private readonly consumers: Consumer[] = [];
  private readonly watched: Array<{ group: string; consumer: Consumer }> = [];
  private readonly observers: Array<(group: string, consumer: Consumer) => void> = [];

  /** Call before the consumer connects, so its first join is seen. */
  watch(group: string, consumer: Consumer): void {
    this.states.expect(group);
    consumer.on(consumer.events.GROUP_JOIN, () => this.states.joined(group));
    consumer.on(consumer.events.CRASH, (event) =>
      this.states.crashed(group, String(event.payload.error), event.payload.restart),
    );
    consumer.on(consumer.events.STOP, () => this.states.stopped(group));
    this.consumers.push(consumer);
    this.watched.push({ group, consumer });
    for (const observer of this.observers) observer(group, consumer);
  }

  /** Calls `observer` with every consumer watched, before and after this call (for metrics). */
  observe(observer: (group: string, consumer: Consumer) => void): void {
    for (const { group, consumer } of this.watched) observer(group, consumer);
    this.observers.push(observer);
  }

  /** What the group's transport tells of held batches (KafkaBatchTransport's holdHooks). */
  holdHooks(group: string): BatchHoldHooks {
    return {
      held: () => this.states.batchHeld(group),
      released: () => this.states.batchReleased(group),
    };
  }

  /** The groups watched, for metrics that list them. */
  groupNames(): string[] {
    return this.watched.map(({ group }) => group);
  }

  heldBatches(group: string): number {
    return this.states.heldBatches(group);
  }

  report(): ConsumerGroupsReport {
    return this.states.report();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.states.beginShutdown();
    // The transports disconnect again when Nest closes them; kafkajs makes that a no-op.
    await Promise.all(this.consumers.map((consumer) => consumer.disconnect()));
  }
}
