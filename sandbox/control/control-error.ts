/**
 * The error of a control call the sandbox cannot take (a bad fault, a malformed body). It
 * is answered by the control router as `{"detail": ...}`, the shape all three vendors use,
 * so a test reads a refused control call the same way whichever sandbox it drives.
 */

/** A refused control call, answered with `status` and `{"detail": message}`. */
export class ControlError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = 'ControlError';
  }
}
