import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import {
  DEFAULT_SERVICE_HEALTH_OPTIONS,
  SERVICE_HEALTH_OPTIONS,
  ServiceHealth,
  type ServiceHealthOptions,
} from './service-health';

/**
 * Terminus and `ServiceHealth` for an app's health controller. Each app declares its own
 * controller (its routes are documented per app in docs/openapi.yaml) over this one service.
 */
@Module({})
export class ServiceHealthModule {
  static forRoot(options: Partial<ServiceHealthOptions> = {}): DynamicModule {
    return {
      module: ServiceHealthModule,
      // Readiness answers carry the details; a log line per failed probe would be noise.
      imports: [TerminusModule.forRoot({ logger: false })],
      providers: [
        { provide: SERVICE_HEALTH_OPTIONS, useValue: { ...DEFAULT_SERVICE_HEALTH_OPTIONS, ...options } },
        ServiceHealth,
      ],
      exports: [ServiceHealth],
    };
  }
}
