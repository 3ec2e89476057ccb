/** The key a patient's connection is stored under. */
import type { ApiRequest } from '../../shared/api-kit/handlers.ts';

/**
 * The `patientId` path parameter as stored: the contract makes it a positive integer, and
 * writing it back from a number keeps `040001` and `40001` one patient.
 */
export function patientKey(request: ApiRequest): string {
  return String(Number(request.params.patientId));
}
