import { Presets, SingleBar } from 'cli-progress';

/**
 * One progress bar per measured phase, on stderr so that stdout keeps only
 * the tables. Without a terminal (CI, a pipe) it prints a line every few seconds.
 */
export class Progress {
  private readonly bar: SingleBar;
  private readonly startedAt = Date.now();
  private value = 0;

  constructor(title: string, total: number) {
    this.bar = new SingleBar(
      {
        format: `${title.padEnd(34)} |{bar}| {value}/{total} {rate}/s eta {eta_formatted}`,
        stream: process.stderr,
        hideCursor: true,
        noTTYOutput: true,
        notTTYSchedule: 5_000,
        etaBuffer: 200,
        barsize: 30,
      },
      Presets.shades_classic,
    );
    this.bar.start(total, 0, { rate: '0' });
  }

  tick(count = 1): void {
    this.value += count;
    const seconds = (Date.now() - this.startedAt) / 1000;
    this.bar.update(this.value, { rate: seconds > 0 ? (this.value / seconds).toFixed(0) : '0' });
  }

  stop(): void {
    this.bar.stop();
  }
}
