export { ConfigError, loadConfig, type ServerConfig } from './config.ts';
