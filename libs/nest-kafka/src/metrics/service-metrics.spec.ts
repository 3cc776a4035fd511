import { samples, valueOf } from '@test/support/prometheus';
import { ServiceMetrics } from './service-metrics';

async function value(metrics: ServiceMetrics, name: string, labels: Record<string, string> = {}) {
  return valueOf(samples(await metrics.render()), name, labels);
}

describe('ServiceMetrics', () => {
  it('counts HTTP requests by method, route and status, labelled with the service', async () => {
    const metrics = new ServiceMetrics('intake');
    metrics.recordHttpRequest({ method: 'POST', route: '/demand-lists', status: '201' }, 0.02);
    metrics.recordHttpRequest({ method: 'POST', route: '/demand-lists', status: '201' }, 0.03);
    metrics.recordHttpRequest({ method: 'POST', route: '/demand-lists', status: '400' }, 0.01);

    const route = { service: 'intake', method: 'POST', route: '/demand-lists' };
    expect(await value(metrics, 'redcrowd_http_requests_total', { ...route, status: '201' })).toBe(2);
    expect(await value(metrics, 'redcrowd_http_requests_total', { ...route, status: '400' })).toBe(1);
    expect(await value(metrics, 'redcrowd_http_request_duration_seconds_count', route)).toBe(3);
    expect(await value(metrics, 'redcrowd_http_request_duration_seconds_sum', route)).toBeCloseTo(0.06);
  });

  it('observes batch sizes and durations per group and topic, and the lag per partition', async () => {
    const metrics = new ServiceMetrics('intake');
    const batch = { group: 'g', topic: 't', partition: 2, batchSize: 7, offsetLag: '3', durationMs: 40 };
    metrics.recordBatch(batch);
    metrics.recordBatch({ ...batch, batchSize: 5, offsetLag: '0', durationMs: 2_000 });

    const labels = { service: 'intake', group: 'g', topic: 't' };
    expect(await value(metrics, 'redcrowd_consumer_batch_size_count', labels)).toBe(2);
    expect(await value(metrics, 'redcrowd_consumer_batch_size_sum', labels)).toBe(12);
    expect(await value(metrics, 'redcrowd_consumer_batch_duration_seconds_sum', labels)).toBeCloseTo(2.04);
    expect(
      await value(metrics, 'redcrowd_consumer_batch_duration_seconds_bucket', { ...labels, le: '0.05' }),
    ).toBe(1);
    expect(await value(metrics, 'redcrowd_consumer_lag_messages', { ...labels, partition: '2' })).toBe(0);
  });

  it('reads scraped gauges at every scrape, and shows no number when the read fails', async () => {
    const metrics = new ServiceMetrics('matcher');
    let backlog: number | Error = 4;
    let byStatus: Record<string, number> | Error = { proposed: 2, completed: 1 };
    metrics.addScrapedGauge({
      name: 'test_backlog',
      help: 'A backlog.',
      collect: (gauge) => {
        if (backlog instanceof Error) throw backlog;
        gauge.set(backlog);
      },
    });
    metrics.addScrapedGauge({
      name: 'test_projects',
      help: 'Projects by status.',
      labelNames: ['status'],
      collect: (gauge) => {
        if (byStatus instanceof Error) throw byStatus;
        for (const [status, count] of Object.entries(byStatus)) gauge.set({ status }, count);
      },
    });
    expect(await value(metrics, 'test_backlog')).toBe(4);
    expect(await value(metrics, 'test_projects', { status: 'proposed' })).toBe(2);
    backlog = 9;
    expect(await value(metrics, 'test_backlog')).toBe(9);

    backlog = new Error('database unreachable');
    byStatus = new Error('database unreachable');
    expect(await value(metrics, 'test_backlog')).toBeNaN();
    expect(await value(metrics, 'test_projects', { status: 'proposed' })).toBeUndefined();
  });

  it('keeps two services apart: each has a registry of its own', async () => {
    const intake = new ServiceMetrics('intake');
    const matcher = new ServiceMetrics('matcher');
    intake.recordGroupJoin('g');
    expect(
      await value(intake, 'redcrowd_consumer_group_joins_total', { group: 'g', service: 'intake' }),
    ).toBe(1);
    expect(await value(matcher, 'redcrowd_consumer_group_joins_total', { group: 'g' })).toBeUndefined();
  });
});
