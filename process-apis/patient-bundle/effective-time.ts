/**
 * Orders data points by when they happened. Instants are compared as instants (their
 * offsets applied), but never rewritten: the data point keeps the offset it was recorded in.
 */

interface TimeFrame {
  date_time?: string;
  time_interval?: { start_date_time?: string; end_date_time?: string };
}

/** Milliseconds since the epoch of a body's effective start; NaN when it has none. */
export function measurementStart(body: Record<string, unknown>): number {
  const frame = body.effective_time_frame as TimeFrame | undefined;
  const instant = frame?.date_time ?? frame?.time_interval?.start_date_time
    ?? frame?.time_interval?.end_date_time;
  return instant ? Date.parse(instant) : Number.NaN;
}
