/** The JHE FHIR search behind a heart-rate timeline, as the JHE system API words it. */

export const HEART_RATE_SCHEMA = 'omh:heart-rate:2.0';
const OMH_SYSTEM = 'https://w3id.org/openmhealth';

/** The query string (no `?`) of `GET /FHIR/R5/Observation` for one patient and window. */
export function heartRateSearch(patientId: string | number, start: string, end: string): string {
  const params = new URLSearchParams({ patient: String(patientId),
    code: `${OMH_SYSTEM}|${HEART_RATE_SCHEMA}` });
  params.append('date', `ge${start}`);
  params.append('date', `lt${end}`);
  params.append('_sort', 'date');
  params.append('_count', '1000');
  return params.toString();
}
