import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import {
  DEFAULT_SERVICE_HEALTH_OPTIONS,
  SERVICE_HEALTH_OPTIONS,
  ServiceHealth,
  type ServiceHealthOptions,
} from './service-health';
import { ServiceHealthController } from './service-health.controller';

/**
 * Terminus, `ServiceHealth` and GET /health/live and /health/ready for an app (the routes are
 * documented per app in docs/openapi.yaml; they are the same on each).
 */
@Module({})
export class ServiceHealthModule {
  static forRoot(options: Partial<ServiceHealthOptions> = {}): DynamicModule {
    return {
      module: ServiceHealthModule,
      // Readiness answers carry the details; a log line per failed probe would be noise.
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [ServiceHealthController],
      providers: [
        { provide: SERVICE_HEALTH_OPTIONS, useValue: { ...DEFAULT_SERVICE_HEALTH_OPTIONS, ...options } },
        ServiceHealth,
      ],
      exports: [ServiceHealth],
    };
  }
}
