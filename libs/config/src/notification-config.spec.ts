import { ConfigurationError, loadConfig } from './app-config';

describe('notification configuration', () => {
  it('is off by default: no SMTP server, no webhook, links to the local API', () => {
    const { notifications, publicBaseUrl } = loadConfig({});
    expect(notifications.smtpUrl).toBeUndefined();
    expect(notifications.webhookUrl).toBeUndefined();
    expect(publicBaseUrl).toBe('http://127.0.0.1:3000');
    expect(notifications).toMatchObject({ maxAttempts: 8, retryInitialMs: 30_000, timeZone: 'America/Toronto' });
  });

  it('reads the SMTP server, the webhook and the retry policy', () => {
    const config = loadConfig({
      SMTP_URL: 'smtps://robot:s3cret@mail.example.org:465',
      MAIL_FROM: 'MRI <robot@example.org>',
      NOTIFY_WEBHOOK_URL: 'https://hooks.example.org/participations',
      PUBLIC_BASE_URL: 'https://participations.example.org/',
      NOTIFY_POLL_INTERVAL: '250',
      NOTIFY_RETRY_INITIAL: '2s',
      NOTIFY_RETRY_MAX: '1 minute',
      NOTIFY_MAX_ATTEMPTS: '3',
      NOTIFY_TIME_ZONE: 'Europe/Paris',
    });
    expect(config.publicBaseUrl).toBe('https://participations.example.org');
    expect(config.notifications).toEqual({
      smtpUrl: 'smtps://robot:s3cret@mail.example.org:465',
      mailFrom: 'MRI <robot@example.org>',
      webhookUrl: 'https://hooks.example.org/participations',
      pollIntervalMs: 250,
      retryInitialMs: 2000,
      retryMaxMs: 60_000,
      maxAttempts: 3,
      timeZone: 'Europe/Paris',
    });
  });

  it('names every bad notification variable', () => {
    let error: unknown;
    try {
      loadConfig({
        SMTP_URL: 'http://mail',
        NOTIFY_WEBHOOK_URL: 'not a url',
        PUBLIC_BASE_URL: 'ftp://x',
        NOTIFY_MAX_ATTEMPTS: '0',
        NOTIFY_TIME_ZONE: 'Mars/Olympus',
        MAIL_FROM: 'nobody',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const problems = (error as ConfigurationError).problems;
    for (const name of ['SMTP_URL', 'NOTIFY_WEBHOOK_URL', 'PUBLIC_BASE_URL', 'NOTIFY_MAX_ATTEMPTS', 'NOTIFY_TIME_ZONE', 'MAIL_FROM']) {
      expect(problems.join('\n')).toContain(name);
    }
    expect(problems).toHaveLength(6);
  });
});
