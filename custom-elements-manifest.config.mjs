// The custom-elements manifest (custom-elements.json) from the elements' class JSDoc. Veche registers
// elements with its own guarded `Class.define('veche-x', Class)` in each define.ts; the plugin below
// reads those calls so the analyzer knows every tag.
const tags = new Map();

function vecheDefine() {
  return {
    name: 'veche-define',
    analyzePhase({ ts, node }) {
      if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return;
      if (node.expression.name.getText() !== 'define') return;
      const [tag, ctor] = node.arguments;
      if (tag && ts.isStringLiteral(tag) && tag.text.startsWith('veche-') && ctor && ts.isIdentifier(ctor)) {
        tags.set(ctor.getText(), tag.text);
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          const tag = tags.get(declaration.name);
          if (declaration.kind === 'class' && tag) {
            declaration.customElement = true;
            declaration.tagName = tag;
            // `emit(name, …)` in the base is not an event of its own; real events are veche-* or native.
            declaration.events = (declaration.events ?? []).filter((e) => e.name.startsWith('veche-') || ['change', 'input'].includes(e.name));
            // The public API only: private and protected members are the class's own business (and would
            // crowd the Storybook docs tables).
            declaration.members = (declaration.members ?? []).filter((m) => (m.privacy ?? 'public') === 'public' && !m.name.startsWith('#'));
          }
        }
        // Keep the manifest about elements: helper functions and constants are not its business.
        module.declarations = (module.declarations ?? []).filter((d) => d.customElement && d.tagName);
        module.exports = (module.exports ?? []).filter((e) => e.kind === 'custom-element-definition' || module.declarations.some((d) => d.name === e.name));
      }
      customElementsManifest.modules = customElementsManifest.modules.filter((m) => m.declarations.length > 0);
    },
  };
}

export default {
  globs: ['packages/elements/src/**/*.ts'],
  exclude: ['packages/elements/src/**/*.i18n*.ts', 'packages/elements/src/**/*.styles.ts', 'packages/elements/src/entries/**'],
  outdir: 'packages/elements',
  // The elements' package.json names the manifest itself.
  packagejson: false,
  litelement: true,
  plugins: [vecheDefine()],
};
