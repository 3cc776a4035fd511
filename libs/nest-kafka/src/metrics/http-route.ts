/** What an HTTP request's metrics are labelled with. */
export interface HttpRouteLabels {
  method: string;
  /** The route's template as documented ("/projects/{projectId}"), never the raw URL. */
  route: string;
  status: string;
}

/** Requests no route answered (404s, refused bodies): one label, so scanners cannot add series. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * The template of the route that answered, from Express' `req.route.path` (the pattern Nest
 * registered, e.g. "/projects/:projectId"), written as in docs/openapi.yaml. Raw URLs carry
 * ids and would make one series per project.
 */
export function routeTemplate(routePath: unknown): string {
  if (typeof routePath !== 'string' || routePath === '') return UNMATCHED_ROUTE;
  return routePath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

export function httpRouteLabels(method: string, routePath: unknown, statusCode: number): HttpRouteLabels {
  return { method: method.toUpperCase(), route: routeTemplate(routePath), status: String(statusCode) };
}
