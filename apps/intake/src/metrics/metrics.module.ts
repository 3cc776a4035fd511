import { Module, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ServiceMetrics, ServiceMetricsModule } from '@redcrowd/nest-kafka';
import { ListIntakeService } from '../intake/list-intake.service';
import { listAnswerLabels } from './list-answer-labels';
import { MetricsController } from './metrics.controller';

/**
 * GET /metrics: what every service reports (ServiceMetricsModule) and the lists intake
 * answered, by kind, outcome and problem code, with the dead letters among them.
 */
@Module({
  imports: [ServiceMetricsModule.forRoot('intake')],
  controllers: [MetricsController],
})
export class MetricsModule implements OnModuleInit {
  constructor(
    private readonly metrics: ServiceMetrics,
    // Provided by IntakeModule, which imports this one.
    private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    const answered = this.metrics.addCounter(
      'redcrowd_intake_lists_answered_total',
      'Lists answered (committed with their answer, or dead-lettered), by kind, outcome and first problem code.',
      ['kind', 'outcome', 'code'],
    );
    const deadLetters = this.metrics.addCounter(
      'redcrowd_intake_dead_letters_total',
      'Lists sent to the dead-letter topic after their retries ran out, by kind.',
      ['kind'],
    );
    this.moduleRef.get(ListIntakeService, { strict: false }).onAnswered((answers, deadLettered) => {
      for (const answer of answers) {
        const labels = listAnswerLabels(answer);
        answered.inc(labels);
        if (deadLettered) deadLetters.inc({ kind: labels.kind });
      }
    });
  }
}
