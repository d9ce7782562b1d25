import '../progress-meter/define.ts';
export { VecheProgressMeter } from '../progress-meter/progress-meter.ts';
