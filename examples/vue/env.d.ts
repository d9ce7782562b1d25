// Single-file components as modules, for TypeScript outside Vite (vue-tsc checks their insides).
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
