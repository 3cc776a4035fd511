import { Controller, Get, Query, Req, Res, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Request, Response } from 'express';
import { allianceOf, type Principal } from '@redcrowd/auth';
import { Allow, Caller } from '@redcrowd/nest-auth';
import { AllianceQueryDto } from '../dashboard/dto/alliance-query.dto';
import { ChangeFeed } from './change-feed';
import { feedStateEvent } from './live-events';

const PING_EVERY_MS = 15_000;

/** The live stream of an alliance's changes, for every signed-in page of it. */
@Controller('alliance')
export class LiveController implements BeforeApplicationShutdown {
  /** Open live streams, ended at shutdown: the HTTP server cannot close while one is open. */
  private readonly streams = new Set<Response>();

  constructor(private readonly feed: ChangeFeed) {}

  /**
   * Server-sent events: `changed` whenever a project or offer of the alliance changes.
   * Coordinators get the project and status; units and communities only a nudge to reload
   * their own views, so they learn nothing of other members' projects. `behind` while this
   * instance has lost its database connection and `resumed` when it listens again, after which
   * the page reloads: changes committed in between were never announced.
   */
  @Get('live')
  @Allow('coordinator', 'admin', 'unit', 'community')
  live(
    @Caller() caller: Principal,
    @Req() request: Request,
    @Res() response: Response,
    @Query() query: AllianceQueryDto,
  ): void {
    const alliance = allianceOf(caller, query.allianceId);
    const seesProjects = caller.role === 'coordinator' || caller.role === 'admin';
    response.status(200);
    response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    response.setHeader('Cache-Control', 'no-cache, no-transform');
    response.setHeader('Connection', 'keep-alive');
    response.setHeader('X-Accel-Buffering', 'no');
    response.flushHeaders();
    response.write(`retry: 3000\nevent: ready\ndata: {}\n\n`);
    const unsubscribe = this.feed.subscribe(alliance, (change) => {
      const data = seesProjects
        ? { projectId: change.projectId, status: change.status, version: change.version, at: new Date() }
        : { at: new Date() };
      response.write(`event: changed\ndata: ${JSON.stringify(data)}\n\n`);
    });
    if (this.feed.state === 'behind') response.write(feedStateEvent('behind', new Date()));
    const unwatch = this.feed.watchState((state) => response.write(feedStateEvent(state, new Date())));
    const ping = setInterval(() => response.write(`: ping\n\n`), PING_EVERY_MS);
    this.streams.add(response);
    request.on('close', () => {
      clearInterval(ping);
      unsubscribe();
      unwatch();
      this.streams.delete(response);
    });
  }

  /** Runs before Nest closes the HTTP server; pages reconnect to another instance on their own. */
  beforeApplicationShutdown(): void {
    for (const response of this.streams) response.end();
  }
}
