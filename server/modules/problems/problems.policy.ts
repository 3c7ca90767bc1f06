import type { ActionCheck, ActorFacts } from '../../../core/problems/state.js';
import { type Actor, isEnterpriseUser } from '../../http/actor.js';
import { type AppError, conflict, forbidden, invalidState } from '../../http/errors.js';

/*
 * Who may do what on a problem is decided by core/problems/state.ts (checkAction), fed with these
 * actor facts; jurisdiction (region subtree / own company) is enforced before that by
 * problems.repository.ts through server/http/scope.ts — a problem outside scope is a 404.
 */

export function actorFacts(actor: Actor): ActorFacts {
  return {
    userId: actor.userId,
    enterpriseId: isEnterpriseUser(actor) ? actor.enterpriseId : null,
    permissions: actor.permissions as ReadonlySet<string>,
  };
}

/** Maps a refused check to the API error: 403 (who), 409 INVALID_STATE (state), 409 CONFLICT (rule). */
export function checkError(check: Exclude<ActionCheck, { ok: true }>): AppError {
  if (check.reason === 'forbidden') return forbidden(check.message);
  if (check.reason === 'state') return invalidState(check.message);
  return conflict(check.message);
}
