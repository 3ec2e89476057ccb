/** Data sources (reference §5.5): the paginated list and `all_scopes`, a plain array. */
import { ok, type AdminCall, type AdminRoutes } from './admin-routes.ts';
import { paginateAdmin } from './pagination.ts';
import { renderCode, renderDataSource } from './render.ts';

/** Registers the data source routes. */
export function dataSourceRoutes(routes: AdminRoutes): void {
  routes.on('GET', 'data_sources', listDataSources);
  routes.on('GET', 'data_sources/all_scopes', (call) =>
    ok(call.ctx.store.codes().map(renderCode)));
}

function listDataSources(call: AdminCall) {
  const { store } = call.ctx;
  const rendered = store.dataSources().map((row) => renderDataSource(store, row));
  return ok(paginateAdmin(call.req, call.query, rendered));
}
