import { describe, expect, it } from 'vitest';
import { minifyCss, minifyTemplates, trimLines } from '../../scripts/minify-templates.ts';

describe('minifyCss', () => {
  it('drops comments and the whitespace around punctuation, keeps what separates words', () => {
    const css = `
      /* the host's size (an apostrophe inside a comment) */
      :host > [part~='base'],
      :host > dialog {
        font: 1em / 1.5 system-ui, sans-serif;
        margin: 0 auto !important;
      }
      @media (prefers-reduced-motion: no-preference) and (min-width: 40em) {
        .a .b { width: calc(100% - 2em); }
      }
    `;
    expect(minifyCss(css)).toBe(
      ":host>[part~='base'],:host>dialog{font:1em / 1.5 system-ui,sans-serif;margin:0 auto !important}" +
        '@media (prefers-reduced-motion:no-preference) and (min-width:40em){.a .b{width:calc(100% - 2em)}}',
    );
  });

  it('copies quoted strings as they are, comment markers and escapes included', () => {
    expect(minifyCss(`a::before { content: '  /* not a comment */  ' ; }  b { content: "it\\"s ; }" }`)).toBe(
      `a::before{content:'  /* not a comment */  '}b{content:"it\\"s ; }"}`,
    );
  });

  it('copies url(…) as it is', () => {
    expect(minifyCss(`a { background: url(data:image/svg+xml;utf8,<svg a=1 b=2/>) , red ; }`)).toBe(
      `a{background:url(data:image/svg+xml;utf8,<svg a=1 b=2/>),red}`,
    );
  });

  it('keeps a space where a part of the template meets an interpolation', () => {
    expect(minifyCss('\n  :host {\n    --x: ', true, false)).toBe(':host{--x:');
    expect(minifyCss('; }\n  .a ', false, false)).toBe('}.a ');
    expect(minifyCss(' .b {}\n', false, true)).toBe(' .b{}');
  });
});

describe('trimLines', () => {
  it('removes indentation around line breaks and keeps the line breaks and the spaces within a line', () => {
    expect(trimLines('<p>\n      Текст  с  пробелами\n    </p>\n\n  <b>x</b>')).toBe('<p>\nТекст  с  пробелами\n</p>\n\n<b>x</b>');
  });
});

describe('minifyTemplates', () => {
  it('shortens css and html templates of a module and leaves other templates and strings alone', () => {
    const code = [
      "const name = 'Привет  мир';",
      'const plain = `  keep   me  `;',
      'const styles = css`\n  :host {\n    color: ${red};\n  }\n`;',
      'const view = html`<p>\n    ${name}\n  </p>`;',
      'const other = tag`\n  x  `;',
    ].join('\n');
    expect(minifyTemplates(code)).toBe(
      [
        "const name = 'Привет  мир';",
        'const plain = `  keep   me  `;',
        'const styles = css`:host{color:${red}}`;',
        'const view = html`<p>\n${name}\n</p>`;',
        'const other = tag`\n  x  `;',
      ].join('\n'),
    );
  });

  it('answers undefined when there is nothing to shorten', () => {
    expect(minifyTemplates('const a = 1;')).toBeUndefined();
    expect(minifyTemplates('const s = css`:host{color:red}`;')).toBeUndefined();
  });
});
