import '../participation/define.ts';
export { VecheParticipation } from '../participation/participation.ts';
