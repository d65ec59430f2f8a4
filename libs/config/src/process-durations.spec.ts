import { loadConfig } from './app-config';

describe('durations of the participation kinds', () => {
  it('default to the ministry’s calendar', () => {
    const config = loadConfig({});
    const day = 24 * 3600 * 1000;
    expect(config.durations).toMatchObject({
      consultationMs: 30 * day,
      internOfferDeadlineMs: 14 * day,
      mandateYearMs: 365 * day,
      followUpMs: 30 * day,
      watchReportIntervalMs: 30 * day,
    });
    expect(config.cyclesPerRun).toBe(12);
  });

  it('take seconds in tests, and refuse what is not a duration or a positive count', () => {
    expect(loadConfig({ CONSULTATION_PERIOD: '3s', CYCLES_PER_RUN: '2' })).toMatchObject({
      durations: expect.objectContaining({ consultationMs: 3000 }),
      cyclesPerRun: 2,
    });
    expect(() => loadConfig({ WATCH_REPORT_INTERVAL: 'weekly', CYCLES_PER_RUN: '0' })).toThrow(
      /WATCH_REPORT_INTERVAL[\s\S]*CYCLES_PER_RUN|CYCLES_PER_RUN[\s\S]*WATCH_REPORT_INTERVAL/,
    );
  });
});
