export * from './broker-subjects';
export * from './nats-broker';
