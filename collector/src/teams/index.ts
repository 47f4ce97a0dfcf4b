/** The teams domain's public face: IT administration and the lead-facing reads. */
export * from './admin';
export * from './figures';
