/**
 * The broker's names, from NATS_SUBJECT_PREFIX (`participations` by default):
 * inbound CloudEvents on `<prefix>.in.>` (stream `<PREFIX>_IN`), published
 * ones on `<prefix>.out.<type>` (stream `<PREFIX>_OUT`), poison messages on
 * `<prefix>.dead` (stream `<PREFIX>_DEAD`) with their reason in a header.
 */
export interface BrokerNames {
  inSubjects: string;
  outSubject(type: string): string;
  outSubjects: string;
  deadSubject: string;
  inStream: string;
  outStream: string;
  deadStream: string;
  /** The durable consumer the API instances share on the inbound stream. */
  consumer: string;
}

export function brokerNames(prefix: string): BrokerNames {
  const stream = prefix.toUpperCase().replace(/-/g, '_');
  return {
    inSubjects: `${prefix}.in.>`,
    // NATS tokens are separated by dots, and a CloudEvent type is dotted: keep it as tokens (subscribers filter on them).
    outSubject: (type) => `${prefix}.out.${type}`,
    outSubjects: `${prefix}.out.>`,
    deadSubject: `${prefix}.dead`,
    inStream: `${stream}_IN`,
    outStream: `${stream}_OUT`,
    deadStream: `${stream}_DEAD`,
    consumer: `${prefix}-api`,
  };
}

/** Header of a dead-lettered message: why it was refused. */
export const DEAD_REASON_HEADER = 'Dead-Reason';
/** Header of a dead-lettered message: the subject it came on. */
export const DEAD_SUBJECT_HEADER = 'Dead-Subject';
