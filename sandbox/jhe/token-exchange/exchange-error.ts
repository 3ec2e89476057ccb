/** A token-exchange failure: JHE answers `{"error": message}` with this status (§2.4). */
export class ExchangeError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.name = 'ExchangeError';
    this.status = status;
  }
}
