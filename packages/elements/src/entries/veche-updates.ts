import '../updates/define.ts';
export { VecheUpdates } from '../updates/updates.ts';
