/** `GET /api/v1/users/profile` (reference §5.1). */
import { callerOf, ok, type AdminRoutes } from './admin-routes.ts';
import { renderProfile } from './render.ts';

/** Registers the user routes. */
export function userRoutes(routes: AdminRoutes): void {
  routes.on('GET', 'users/profile', (call) =>
    ok(renderProfile(call.ctx.store, callerOf(call).user)));
}
