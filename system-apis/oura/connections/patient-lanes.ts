/**
 * One lane per patient: work queued for the same patient runs one task at a time, in
 * order; different patients never wait for each other. Token renewal, storing a new
 * connection and disconnecting all run in the patient's lane, so a renewal can neither
 * race another renewal (Oura's refresh tokens are single use) nor bring a connection
 * back to life after a disconnect. This holds within one process; see `token-keeper.ts`
 * for what covers several replicas.
 */
export class PatientLanes {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Runs `task` after the patient's queued tasks have settled; resolves with its result. */
  run<T>(patientId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(patientId) ?? Promise.resolve();
    const result = previous.catch(() => undefined).then(task);
    const tail = result.catch(() => undefined);
    this.tails.set(patientId, tail);
    // Drop the lane once idle, so the map holds only patients with work in hand.
    void tail.then(() => {
      if (this.tails.get(patientId) === tail) this.tails.delete(patientId);
    });
    return result;
  }
}
