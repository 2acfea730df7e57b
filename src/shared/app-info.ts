import pkg from '../../package.json';

export const APP_NAME = 'Fleece';
export const APP_VERSION: string = pkg.version;
export const USER_AGENT = `${APP_NAME}/${APP_VERSION}`;
