// The build's version (vite.config.ts, appVersion: package.json's version, plus `+BUILD_ID` when the build
// was given one), so a page can say which deployment it is running. Every page also carries it in
// `<meta name="version">`.
declare const __APP_VERSION__: string | undefined;

/** This build's version, e.g. `0.1.0+4f2c1ab`; `dev` where the build defines none (the library build). */
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';
