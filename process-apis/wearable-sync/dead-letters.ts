/**
 * The dead-letter operations: list, inspect, replay and remove the jobs the queue gave up
 * on. Job ids contain `:` (and may contain anything else), so callers percent-encode them as
 * one path segment; Express hands them here decoded.
 */
import type { ApiRequest, Handlers } from '../../shared/api-kit/handlers.ts';
import { ApiError } from '../../shared/errors/problem.ts';
import type { DeadLetter, DeadLetterStore } from '../../shared/state/index.ts';
import type { components } from '../../specs/types/wearable-sync.ts';

type DeadLetterView = components['schemas']['DeadLetter'];

interface ListQuery {
  name?: string;
  limit?: number;
}

export function deadLetterHandlers(store: DeadLetterStore): Handlers {
  const find = async (request: ApiRequest): Promise<DeadLetter> => {
    const { name, jobId } = request.params;
    const letter = await store.get(name, jobId);
    if (!letter) throw notFound(name);
    return letter;
  };

  return {
    async listDeadLetters(request: ApiRequest<unknown, ListQuery>) {
      const letters = await store.list({ name: request.query.name,
        limit: request.query.limit ?? 100 });
      return { status: 200, body: { items: letters.map(view) } };
    },

    async getDeadLetter(request: ApiRequest) {
      return { status: 200, body: view(await find(request)) };
    },

    async replayDeadLetter(request: ApiRequest) {
      const letter = await find(request);
      if (!(await store.replay(letter.name, letter.jobId))) {
        throw new ApiError(409, 'DEAD_LETTER.NOT_REPLAYED', 'The dead letter was not replayed',
          { detail: 'a job with this id is queued or running again; the dead letter is kept' });
      }
      request.log.info({ job: letter.name, jobId: letter.jobId }, 'dead letter replayed');
      return { status: 202, body: { replayed: true } };
    },

    async removeDeadLetter(request: ApiRequest) {
      const { name, jobId } = request.params;
      if (!(await store.remove(name, jobId))) throw notFound(name);
      request.log.info({ job: name, jobId }, 'dead letter removed');
      return { status: 204 };
    },
  };
}

function notFound(name: string): ApiError {
  return new ApiError(404, 'DEAD_LETTER.NOT_FOUND', 'No such dead letter',
    { detail: `no ${name} job with this id is in the dead-letter queue` });
}

/** The letter without its backoff policy, which is the queue's business. */
function view(letter: DeadLetter): DeadLetterView {
  const { jobId, name, data, kind, reason, attempts, maxAttempts, firstFailedAt,
    lastFailedAt } = letter;
  return { jobId, name, data, kind, reason, attempts, maxAttempts, firstFailedAt,
    lastFailedAt };
}
