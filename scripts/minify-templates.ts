import { parseAst, type Plugin } from 'vite';

/*
 * The JavaScript minifier leaves template literals alone, so the `css` and `html` templates of the elements
 * shipped with their comments and indentation. This build step shortens their static parts:
 * - css``: comments out, whitespace collapsed, and none around `{ } ; , >` or after `:`;
 * - html`` and svg``: the spaces and tabs around line breaks out. Line breaks stay (`white-space: pre-line`
 *   shows them) and spaces within a line stay (the text between them is the elements' own).
 * Quoted strings and url(…) inside CSS are copied as they are. Tests and Storybook run the sources unchanged.
 */

/** Minifies the static text of a css`` template part; `first`/`last` say whether it opens/ends the template. */
export function minifyCss(text: string, first = true, last = true): string {
  // Comments become a space and strings are kept apart, so that the rules below never reach into them.
  const pieces: { text: string; quoted: boolean }[] = [];
  let plain = '';
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
      plain += ' ';
    } else if (/^url\(/i.test(text.slice(i, i + 4))) {
      // An unquoted url(…) may hold spaces, commas and semicolons of its own (a data: URI).
      const end = text.indexOf(')', i);
      const j = end < 0 ? text.length - 1 : end;
      pieces.push({ text: plain, quoted: false }, { text: text.slice(i, j + 1), quoted: true });
      plain = '';
      i = j + 1;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      pieces.push({ text: plain, quoted: false }, { text: text.slice(i, j + 1), quoted: true });
      plain = '';
      i = j + 1;
    } else {
      plain += c;
      i++;
    }
  }
  pieces.push({ text: plain, quoted: false });
  let out = pieces
    .map((p) =>
      p.quoted
        ? p.text
        : p.text
            .replace(/\s+/g, ' ')
            .replace(/ ?([{};,>]) ?/g, '$1')
            .replace(/: /g, ':')
            .replace(/;}/g, '}'),
    )
    .join('');
  if (first) out = out.trimStart();
  if (last) out = out.trimEnd();
  return out;
}

/** The static text of an html`` template part without the spaces and tabs around its line breaks. */
export const trimLines = (text: string): string => text.replace(/[ \t]*\n[ \t]*/g, '\n');

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

/** The css``, html`` and svg`` templates of a module, shortened; undefined when there is none. */
export function minifyTemplates(code: string, id = 'module.js'): string | undefined {
  if (!/\b(css|html|svg)`/.test(code)) return undefined;
  const edits: [number, number, string][] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const n = node as Node;
    if (n.type === 'TaggedTemplateExpression') {
      const tag = n['tag'] as Node & { name?: string };
      const quasis = (n['quasi'] as { quasis: (Node & { value: { raw: string } })[] }).quasis;
      if (tag.type === 'Identifier' && (tag.name === 'css' || tag.name === 'html' || tag.name === 'svg')) {
        quasis.forEach((q, i) => {
          const raw = q.value.raw;
          const short = tag.name === 'css' ? minifyCss(raw, i === 0, i === quasis.length - 1) : trimLines(raw);
          if (short === raw) return;
          // A quasi's source is its raw text between '`' or '}' and '${' or '`'.
          const start = code.indexOf(raw, q.start);
          if (start < 0 || start > q.end) throw new Error(`${id}: could not place a template part`);
          edits.push([start, start + raw.length, short]);
        });
      }
    }
    for (const key in n) if (key !== 'type' && key !== 'start' && key !== 'end') visit(n[key]);
  };
  visit(parseAst(code, { lang: 'js' }, id));
  if (!edits.length) return undefined;
  let out = '';
  let at = 0;
  for (const [start, end, text] of edits.sort((a, b) => a[0] - b[0])) {
    out += code.slice(at, start) + text;
    at = end;
  }
  return out + code.slice(at);
}

/** The build step for Veche's own modules (not node_modules). */
export function minifyTemplatesPlugin(): Plugin {
  return {
    name: 'veche-minify-templates',
    apply: 'build',
    transform(code, id) {
      if (id.includes('/node_modules/') || !/\/packages\/[\w-]+\/src\/.*\.[jt]s$/.test(id.split('?')[0]!)) return null;
      const out = minifyTemplates(code, id);
      return out === undefined ? null : { code: out, map: null };
    },
  };
}
