import { loadConfig } from './app-config';
import { durationSetting } from './extra-settings';

describe('durations of the participation kinds', () => {
  const offer = durationSetting('DEMO_OFFER_DEADLINE', '14 days', 'A kind’s own setting, as kinds declare them.');
  const day = 24 * 3600 * 1000;

  it('default to the kind’s own value, and to the ministry’s cycle count', () => {
    const config = loadConfig({}, [offer]);
    expect(offer.read(config)).toBe(14 * day);
    expect(config.cyclesPerRun).toBe(12);
  });

  it('take seconds in tests, and refuse what is not a duration or a positive count, naming each', () => {
    const config = loadConfig({ DEMO_OFFER_DEADLINE: '3s', CYCLES_PER_RUN: '2' }, [offer]);
    expect(offer.read(config)).toBe(3000);
    expect(config.cyclesPerRun).toBe(2);
    expect(() => loadConfig({ DEMO_OFFER_DEADLINE: 'weekly', CYCLES_PER_RUN: '0' }, [offer])).toThrow(
      /DEMO_OFFER_DEADLINE[\s\S]*CYCLES_PER_RUN|CYCLES_PER_RUN[\s\S]*DEMO_OFFER_DEADLINE/,
    );
  });

  it('fall back to the default when the configuration was loaded without the kind', () => {
    expect(offer.read(loadConfig({}))).toBe(14 * day);
  });
});
