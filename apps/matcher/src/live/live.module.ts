import { Module } from '@nestjs/common';
import { ChangeFeed } from './change-feed';
import { LiveController } from './live.controller';

/** Live pages: committed project changes, heard from Postgres, streamed to each alliance's pages. */
@Module({ controllers: [LiveController], providers: [ChangeFeed], exports: [ChangeFeed] })
export class LiveModule {}
