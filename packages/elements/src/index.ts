export { VecheElement, type EmitOptions } from './base/veche-element.ts';
