/** The reading types the Pause backend names, and the Open mHealth schema behind each. */
export const READING_SCHEMAS: Record<string, string> = {
  'heart-rate': 'omh:heart-rate:2.0',
  'sleep-duration': 'omh:sleep-duration:2.0',
  'sleep-episode': 'omh:sleep-episode:1.1',
  'oxygen-saturation': 'omh:oxygen-saturation:2.0',
  'step-count': 'omh:step-count:3.0',
  'physical-activity': 'omh:physical-activity:1.2',
};

/** Schema ids for the requested types; undefined means all types. */
export function schemasFor(types: string[] | undefined): string[] | undefined {
  return types?.length ? [...new Set(types.map((type) => READING_SCHEMAS[type]))] : undefined;
}
