import { UNMATCHED_ROUTE, httpRouteLabels, routeTemplate } from './http-route';

describe('routeTemplate', () => {
  it('writes Express parameters as the OpenAPI template does', () => {
    expect(routeTemplate('/projects/:projectId')).toBe('/projects/{projectId}');
    expect(routeTemplate('/alliances/:allianceId/members/:memberKey')).toBe(
      '/alliances/{allianceId}/members/{memberKey}',
    );
  });

  it('keeps a route without parameters as it is', () => {
    expect(routeTemplate('/demand-lists')).toBe('/demand-lists');
  });

  it('labels a request no route answered as unmatched, never with its URL', () => {
    expect(routeTemplate(undefined)).toBe(UNMATCHED_ROUTE);
    expect(routeTemplate('')).toBe(UNMATCHED_ROUTE);
    expect(routeTemplate(/regex/)).toBe(UNMATCHED_ROUTE);
  });
});

describe('httpRouteLabels', () => {
  it('upper-cases the method and writes the status as text', () => {
    expect(httpRouteLabels('post', '/claims', 409)).toEqual({
      method: 'POST',
      route: '/claims',
      status: '409',
    });
  });
});
