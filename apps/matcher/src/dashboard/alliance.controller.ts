import { Controller, Get, Query, Req, Res, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { allianceOf, type Principal } from '@redcrowd/auth';
import { Allow, Caller } from '@redcrowd/nest-auth';
import {
  DashboardRepository,
  type AllianceMap,
  type AllianceOverview,
  type UnmetDemand,
} from '@redcrowd/persistence';
import { ChangeFeed } from '../live/change-feed';

const PING_EVERY_MS = 15_000;

/**
 * The joint meeting's (联席会) picture of its alliance: overview figures, the map, the
 * unmet demands with why, and a live stream of changes. The alliance is the caller's.
 */
@Controller('alliance')
export class AllianceController implements BeforeApplicationShutdown {
  /** Open live streams, ended at shutdown: the HTTP server cannot close while one is open. */
  private readonly streams = new Set<Response>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: DashboardRepository,
    private readonly feed: ChangeFeed,
  ) {}

  @Get('overview')
  @Allow('coordinator', 'admin')
  overview(@Caller() caller: Principal, @Query('allianceId') allianceId?: string): Promise<AllianceOverview> {
    return this.reads.overview(this.dataSource.manager, allianceOf(caller, allianceId));
  }

  @Get('unmet')
  @Allow('coordinator', 'admin')
  unmet(@Caller() caller: Principal, @Query('allianceId') allianceId?: string): Promise<UnmetDemand[]> {
    return this.reads.unmet(this.dataSource.manager, allianceOf(caller, allianceId));
  }

  @Get('map')
  @Allow('coordinator', 'admin')
  map(@Caller() caller: Principal, @Query('allianceId') allianceId?: string): Promise<AllianceMap> {
    return this.reads.map(this.dataSource.manager, allianceOf(caller, allianceId));
  }

  /**
   * Server-sent events: `changed` whenever a project or offer of the alliance changes.
   * Coordinators get the project and status; units and communities only a nudge to reload
   * their own views, so they learn nothing of other members' projects.
   */
  @Get('live')
  @Allow('coordinator', 'admin', 'unit', 'community')
  live(
    @Caller() caller: Principal,
    @Req() request: Request,
    @Res() response: Response,
    @Query('allianceId') allianceId?: string,
  ): void {
    const alliance = allianceOf(caller, allianceId);
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
    const ping = setInterval(() => response.write(`: ping\n\n`), PING_EVERY_MS);
    this.streams.add(response);
    request.on('close', () => {
      clearInterval(ping);
      unsubscribe();
      this.streams.delete(response);
    });
  }

  /** Runs before Nest closes the HTTP server; pages reconnect to another instance on their own. */
  beforeApplicationShutdown(): void {
    for (const response of this.streams) response.end();
  }
}
