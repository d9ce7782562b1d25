/**
 * A strict little XML reader for the tests: it parses a document into elements and refuses what is not
 * well-formed XML 1.0 (unbalanced or crossing tags, an unescaped `<` or `&`, unknown entities, unquoted
 * or repeated attributes, characters XML does not allow, anything after the root). No DTDs, no CDATA:
 * our feeds use neither.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text, entities decoded. */
  text: string;
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const BAD_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function decode(raw: string, where: string): string {
  if (raw.includes('<')) throw new Error(`unescaped < in ${where}`);
  return raw.replace(/&([^;]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) throw new Error(`a bare & in ${where}`);
    if (name in ENTITIES) return ENTITIES[name]!;
    const code = /^#x([0-9a-fA-F]+)$/.exec(name)?.[1] ?? /^#(\d+)$/.exec(name)?.[1];
    if (code === undefined) throw new Error(`unknown entity &${name}; in ${where}`);
    return String.fromCodePoint(name.startsWith('#x') ? parseInt(code, 16) : Number(code));
  });
}

export function parseXml(source: string): XmlElement {
  if (BAD_CHAR.test(source)) throw new Error('a character XML does not allow');
  let i = 0;
  const rest = () => source.slice(i);
  const skip = () => {
    const m = /^(\s|<!--[\s\S]*?-->)*/.exec(rest())![0];
    i += m.length;
  };
  const decl = /^<\?xml[^?]*\?>/.exec(rest());
  if (decl) i += decl[0].length;
  skip();
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (i < source.length) {
    if (source.startsWith('</', i)) {
      const m = /^<\/([A-Za-z_][\w.:-]*)\s*>/.exec(rest());
      const open = stack.pop();
      if (!m || !open || open.name !== m[1]) throw new Error(`mismatched closing tag at ${i}: ${rest().slice(0, 30)}`);
      i += m[0].length;
      if (stack.length === 0) {
        skip();
        if (i < source.length) throw new Error('content after the root element');
        return root!;
      }
    } else if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i);
      if (end < 0) throw new Error('unclosed comment');
      i = end + 3;
    } else if (source[i] === '<') {
      i++;
      const name = NAME.exec(rest())?.[0];
      if (!name) throw new Error(`bad tag name at ${i}`);
      i += name.length;
      const element: XmlElement = { name, attributes: {}, children: [], text: '' };
      for (;;) {
        const m = /^\s+([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(rest());
        if (!m) break;
        if (m[1]! in element.attributes) throw new Error(`repeated attribute ${m[1]} on <${name}>`);
        element.attributes[m[1]!] = decode(m[3] ?? m[4] ?? '', `an attribute of <${name}>`);
        i += m[0].length;
      }
      const end = /^\s*(\/?)>/.exec(rest());
      if (!end) throw new Error(`bad attributes on <${name}>: ${rest().slice(0, 40)}`);
      i += end[0].length;
      if (stack.length > 0) stack[stack.length - 1]!.children.push(element);
      else if (root) throw new Error('a second root element');
      else root = element;
      if (end[1] === '/') {
        if (stack.length === 0) {
          skip();
          if (i < source.length) throw new Error('content after the root element');
          return element;
        }
      } else stack.push(element);
    } else {
      if (stack.length === 0) throw new Error(`text outside the root element at ${i}`);
      const next = source.indexOf('<', i);
      const raw = source.slice(i, next < 0 ? source.length : next);
      stack[stack.length - 1]!.text += decode(raw, `<${stack[stack.length - 1]!.name}>`);
      i += raw.length;
    }
  }
  throw new Error('unclosed elements at the end');
}

export const childrenNamed = (element: XmlElement, name: string): XmlElement[] => element.children.filter((c) => c.name === name);

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;

/**
 * The rules of RFC 4287 a feed validator checks: the namespace; exactly one id (an IRI), title and
 * updated (RFC 3339) in the feed and in each entry; an author in the feed or in every entry; a self link;
 * content or an alternate link in each entry; at most one alternate link per type; absolute link hrefs.
 * Returns the problems found (none for a valid feed).
 */
export function atomProblems(feed: XmlElement): string[] {
  const problems: string[] = [];
  if (feed.name !== 'feed' || feed.attributes['xmlns'] !== 'http://www.w3.org/2005/Atom') problems.push('the root is not an Atom feed');
  const one = (el: XmlElement, name: string, where: string) => {
    const found = childrenNamed(el, name);
    if (found.length !== 1) problems.push(`${where} has ${found.length} <${name}>`);
    return found[0];
  };
  const common = (el: XmlElement, where: string) => {
    const id = one(el, 'id', where);
    if (id && !IRI.test(id.text.trim())) problems.push(`${where}: id "${id.text}" is not an IRI`);
    one(el, 'title', where);
    const updated = one(el, 'updated', where);
    if (updated && !RFC3339.test(updated.text.trim())) problems.push(`${where}: updated "${updated.text}" is not RFC 3339`);
    for (const p of childrenNamed(el, 'published')) if (!RFC3339.test(p.text.trim())) problems.push(`${where}: published is not RFC 3339`);
    const alternates = childrenNamed(el, 'link').filter((l) => (l.attributes['rel'] ?? 'alternate') === 'alternate');
    if (new Set(alternates.map((l) => l.attributes['type'] ?? '')).size !== alternates.length) problems.push(`${where}: two alternate links of one type`);
    for (const l of childrenNamed(el, 'link')) {
      if (!l.attributes['href'] || !/^https?:\/\//.test(l.attributes['href'])) problems.push(`${where}: link href "${l.attributes['href']}" is not absolute`);
    }
    for (const t of ['title', 'subtitle', 'content', 'summary']) {
      for (const c of childrenNamed(el, t)) {
        if (c.children.length > 0) problems.push(`${where}: <${t}> holds elements`);
        if (c.attributes['type'] && !['text', 'html', 'xhtml'].includes(c.attributes['type'])) problems.push(`${where}: <${t}> has type ${c.attributes['type']}`);
      }
    }
    return alternates;
  };
  common(feed, 'feed');
  if (!childrenNamed(feed, 'link').some((l) => l.attributes['rel'] === 'self')) problems.push('the feed has no self link');
  const feedAuthor = childrenNamed(feed, 'author').length > 0;
  childrenNamed(feed, 'entry').forEach((entry, n) => {
    const where = `entry ${n + 1}`;
    const alternates = common(entry, where);
    if (!feedAuthor && childrenNamed(entry, 'author').length === 0) problems.push(`${where} has no author`);
    if (childrenNamed(entry, 'content').length === 0 && alternates.length === 0) problems.push(`${where} has neither content nor an alternate link`);
    if (childrenNamed(entry, 'content').length > 1) problems.push(`${where} has two contents`);
  });
  return problems;
}
