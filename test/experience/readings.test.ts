import { describe, expect, it } from 'vitest';
import { toReadings } from '../../experience-apis/pause-backend/readings.ts';

const header = (name: string) => ({ uuid: 'u', schema_id: { namespace: 'omh', name,
  version: '2.0' }, source_creation_date_time: '2024-03-10T07:00:00+01:00' });

describe('timeline -> Pause readings', () => {
  it('keeps instants, offsets and the calendar day, and moves the rest into values', () => {
    const readings = toReadings({
      patientId: 40001,
      window: { start: '2024-03-09T00:00:00Z', end: '2024-03-11T00:00:00Z' },
      count: 2,
      entries: [
        { observationId: '60001', identifier: 'id-sleep', schema: 'omh:sleep-duration:2.0',
          dataPoint: { header: header('sleep-duration'), body: {
            sleep_duration: { value: 26000, unit: 'sec' }, calendar_day: '2024-03-10',
            effective_time_frame: { time_interval: {
              start_date_time: '2024-03-09T23:00:00+01:00',
              end_date_time: '2024-03-10T07:00:00+01:00' } } } } },
        { observationId: '60002', identifier: 'id-hr', schema: 'omh:heart-rate:2.0',
          dataPoint: { header: header('heart-rate'), body: {
            heart_rate: { value: 57, unit: 'beats/min' },
            effective_time_frame: { date_time: '2024-05-01T06:30:00+05:00' } } } },
      ],
    });

    expect(readings).toEqual({
      patientId: 40001,
      window: { start: '2024-03-09T00:00:00Z', end: '2024-03-11T00:00:00Z' },
      count: 2,
      readings: [
        { id: 'id-sleep', type: 'sleep-duration', schema: 'omh:sleep-duration:2.0',
          effective: { start: '2024-03-09T23:00:00+01:00', end: '2024-03-10T07:00:00+01:00' },
          calendarDay: '2024-03-10', values: { sleep_duration: { value: 26000, unit: 'sec' } } },
        { id: 'id-hr', type: 'heart-rate', schema: 'omh:heart-rate:2.0',
          effective: { dateTime: '2024-05-01T06:30:00+05:00' },
          values: { heart_rate: { value: 57, unit: 'beats/min' } } },
      ],
    });
  });

  it('gives an empty list for an empty timeline', () => {
    expect(toReadings({ patientId: 1, window: { start: 'a', end: 'b' }, count: 0, entries: [] }))
      .toEqual({ patientId: 1, window: { start: 'a', end: 'b' }, count: 0, readings: [] });
  });
});
