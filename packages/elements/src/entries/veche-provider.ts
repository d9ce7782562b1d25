import '../provider/define.ts';
export { VecheProvider } from '../provider/provider.ts';
export { configure } from '../config/context.ts';
