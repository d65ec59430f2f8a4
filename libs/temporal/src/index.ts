export * from './temporal-client.module';
export * from './codec/aes-gcm-payload-codec';
export * from './connection-options';
export * from './client-credentials-token';
