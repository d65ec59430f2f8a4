/** Tests take free ports from the same place as the infra scripts. */
export { freePort } from '../../infra/net/free-port';
