import { Controller, Get } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Public } from '@redcrowd/nest-auth';

@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** Ready when the database answers; Kafka readiness shows in the consumer's logs. */
  @Get()
  @Public()
  async check(): Promise<{ status: 'ok' }> {
    await this.dataSource.query('SELECT 1');
    return { status: 'ok' };
  }
}
