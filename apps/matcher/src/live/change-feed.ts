import { Inject, Injectable, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { LOGGER } from '@redcrowd/nest-kafka';
import { ProjectChangeListener, type ChangeFeedState, type ProjectChange } from '@redcrowd/persistence';
import type { JsonLogger } from '@redcrowd/runtime';
import type { MatcherConfig } from '../config/matcher.config';
import { MATCHER_CONFIG } from '../core/tokens';

/**
 * Committed project changes for the live pages. The database, not this process, is the
 * source: changes made by any matcher instance reach every instance's pages.
 */
@Injectable()
export class ChangeFeed implements OnModuleInit, BeforeApplicationShutdown {
  private readonly listener: ProjectChangeListener;

  constructor(@Inject(MATCHER_CONFIG) config: MatcherConfig, @Inject(LOGGER) logger: JsonLogger) {
    this.listener = new ProjectChangeListener(config.DATABASE_URL, logger);
  }

  onModuleInit(): Promise<void> {
    return this.listener.start();
  }

  /** Before the database closes; pages reconnect to another instance on their own. */
  beforeApplicationShutdown(): Promise<void> {
    return this.listener.stop();
  }

  subscribe(allianceId: string, listener: (change: ProjectChange) => void): () => void {
    return this.listener.subscribe(allianceId, listener);
  }

  /** Open live streams on this instance (each page's stream subscribes once). */
  get subscriptions(): number {
    return this.listener.subscriptions;
  }

  /** 'behind' while the database connection is being re-established: changes are being missed. */
  get state(): ChangeFeedState {
    return this.listener.state;
  }

  watchState(listener: (state: ChangeFeedState) => void): () => void {
    return this.listener.watchState(listener);
  }
}
