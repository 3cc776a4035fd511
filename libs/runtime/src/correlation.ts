import { currentLogContext, traceableId } from './json-logger';

/**
 * The Kafka header that carries a correlation id from a submitted list to its answer and to
 * the proposals it caused, and from any request or claim to the events it caused (see
 * README, "Logs").
 */
export const CORRELATION_ID_HEADER = 'correlation-id';

/**
 * The correlation id of the work under way: the one a consumer bound with
 * `withLogContext({ correlationId })` (a claim's), else the HTTP request's id; none for
 * work of the service's own (a timer's sweep).
 */
export function ambientCorrelationId(): string | undefined {
  const context = currentLogContext();
  return traceableId(context.correlationId) ?? traceableId(context.requestId);
}

/** The headers an event written now carries: its correlation id, when there is one. */
export function ambientCorrelationHeaders(): Record<string, string> {
  const correlationId = ambientCorrelationId();
  return correlationId === undefined ? {} : { [CORRELATION_ID_HEADER]: correlationId };
}
