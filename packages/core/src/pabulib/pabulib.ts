import { VecheError } from '../adapter/errors.ts';

export interface PabulibProject {
  id: string;
  cost: number;
  selected?: boolean;
  [column: string]: unknown;
}

export interface PabulibVote {
  voterId: string;
  projectIds: string[];
  points?: number[];
  [column: string]: unknown;
}

export interface PabulibData {
  meta: Record<string, string>;
  projects: PabulibProject[];
  votes: PabulibVote[];
}

/** Column names of the file and the keys they take in parsed objects. */
const PROJECT_KEYS = new Map([['project_id', 'id']]);
const VOTE_KEYS = new Map([
  ['voter_id', 'voterId'],
  ['vote', 'projectIds'],
]);

/** Sets an own property, even one named `__proto__` (a file's column names are data, not code). */
const setOwn = (target: object, key: string, value: unknown): void => {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
};

const fail = (line: number, message: string): never => {
  throw new VecheError('invalid-input', `Pabulib line ${line}: ${message}`, { details: { line } });
};

interface Row {
  line: number;
  fields: string[];
}

/** Splits the text into rows of `;`-separated fields; quoted fields may hold `;`, `""` and line breaks. */
function* rows(text: string): Generator<Row> {
  const length = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (pos < length) {
    const startLine = line;
    let end = text.indexOf('\n', pos);
    if (end < 0) end = length;
    let raw = text.slice(pos, end);
    if (!raw.includes('"')) {
      pos = end + 1;
      line++;
      if (raw.endsWith('\r')) raw = raw.slice(0, -1);
      if (raw.trim() === '') continue;
      yield { line: startLine, fields: raw.split(';') };
      continue;
    }
    // Quoted fields: scan character by character, possibly across lines.
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    let i = pos;
    for (;;) {
      if (i >= length) {
        if (quoted) fail(startLine, 'a quoted field is not closed before the end of the file');
        break;
      }
      const ch = text[i]!;
      if (quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          quoted = false;
          i++;
          const next = text[i];
          if (next !== undefined && next !== ';' && next !== '\n' && next !== '\r') {
            fail(line, 'a quoted field must be followed by ; or the end of the line');
          }
          continue;
        }
        if (ch === '\n') line++;
        field += ch;
        i++;
        continue;
      }
      if (ch === '"' && field === '') {
        quoted = true;
        i++;
        continue;
      }
      if (ch === ';') {
        fields.push(field);
        field = '';
        i++;
        continue;
      }
      if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) break;
      field += ch;
      i++;
    }
    fields.push(field);
    if (text[i] === '\r') i++;
    pos = i + 1;
    line++;
    yield { line: startLine, fields };
  }
}

const SECTIONS = ['META', 'PROJECTS', 'VOTES'] as const;
type Section = (typeof SECTIONS)[number];

function sectionName(fields: string[]): Section | undefined {
  if (fields.length !== 1) return undefined;
  const name = fields[0]!.trim().toUpperCase();
  return (SECTIONS as readonly string[]).includes(name) ? (name as Section) : undefined;
}

function parseNumber(value: string, line: number, what: string): number {
  const n = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(n)) fail(line, `${what} "${value}" is not a number`);
  return n;
}

function parseSelected(value: string, line: number): boolean | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  if (v === '1' || v.toLowerCase() === 'true') return true;
  if (v === '0' || v.toLowerCase() === 'false') return false;
  return fail(line, `selected must be 0 or 1, not "${value}"`);
}

/**
 * Reads a Pabulib `.pb` file (META, PROJECTS and VOTES sections). A truncated or malformed file throws
 * a VecheError that names the line; it never returns half a result.
 */
export function parsePabulib(text: string): PabulibData {
  const meta: Record<string, string> = {};
  const metaLines: Record<string, number> = {};
  const projects: PabulibProject[] = [];
  const votes: PabulibVote[] = [];
  const projectIds = new Set<string>();
  const voterIds = new Set<string>();

  let section: Section | undefined;
  let header: string[] | undefined;
  let lastLine = 0;
  const seen = new Set<Section>();

  for (const row of rows(text)) {
    lastLine = row.line;
    const next = sectionName(row.fields);
    if (next) {
      if (seen.has(next)) fail(row.line, `the ${next} section appears twice`);
      const expected = SECTIONS[seen.size];
      if (next !== expected) fail(row.line, `expected the ${expected} section, found ${next}`);
      seen.add(next);
      section = next;
      header = undefined;
      continue;
    }
    if (!section) fail(row.line, 'the file must start with META');
    if (!header) {
      header = row.fields.map((f) => f.trim());
      checkHeader(section!, header, row.line);
      continue;
    }
    if (row.fields.length !== header.length) {
      fail(row.line, `expected ${header.length} fields (${header.join(';')}), found ${row.fields.length}`);
    }
    if (section === 'META') {
      const key = row.fields[0]!.trim();
      if (key === '') fail(row.line, 'a META key is empty');
      if (Object.hasOwn(meta, key)) fail(row.line, `the META key ${key} appears twice`);
      setOwn(meta, key, row.fields[1]!);
      setOwn(metaLines, key, row.line);
    } else if (section === 'PROJECTS') {
      const project = readProject(header, row);
      if (projectIds.has(project.id)) fail(row.line, `project ${project.id} appears twice`);
      projectIds.add(project.id);
      projects.push(project);
    } else {
      const vote = readVote(header, row, projectIds);
      if (voterIds.has(vote.voterId)) fail(row.line, `voter ${vote.voterId} appears twice`);
      voterIds.add(vote.voterId);
      votes.push(vote);
    }
  }

  const end = lastLine || 1;
  for (const name of SECTIONS) {
    if (!seen.has(name)) fail(end, `the file ends before the ${name} section`);
  }
  if (!header) fail(end, `the ${section} section has no header`);
  checkCount(meta, metaLines, 'num_projects', projects.length, 'projects', end);
  checkCount(meta, metaLines, 'num_votes', votes.length, 'votes', end);
  return { meta, projects, votes };
}

function checkHeader(section: Section, header: string[], line: number): void {
  const required = section === 'META' ? ['key', 'value'] : section === 'PROJECTS' ? ['project_id', 'cost'] : ['voter_id', 'vote'];
  for (const name of required) {
    if (!header.includes(name)) fail(line, `the ${section} header must have a ${name} column`);
  }
  if (section === 'META' && header.length !== 2) fail(line, 'the META header must be key;value');
  if (new Set(header).size !== header.length) fail(line, `the ${section} header repeats a column`);
}

function checkCount(
  meta: Record<string, string>,
  metaLines: Record<string, number>,
  key: string,
  actual: number,
  what: string,
  end: number,
): void {
  if (!Object.hasOwn(meta, key)) return;
  const declared = meta[key]!;
  const n = parseNumber(declared, metaLines[key]!, key);
  if (n !== actual) {
    fail(end, `the file ends with ${actual} ${what}, but ${key} at line ${metaLines[key]} says ${declared}`);
  }
}

function readProject(header: string[], row: Row): PabulibProject {
  const project: Record<string, unknown> = {};
  header.forEach((column, i) => {
    const value = row.fields[i]!;
    if (column === 'cost') {
      const cost = parseNumber(value, row.line, 'cost');
      if (cost < 0) fail(row.line, `cost ${value} is negative`);
      project['cost'] = cost;
    } else if (column === 'selected') {
      const selected = parseSelected(value, row.line);
      if (selected !== undefined) project['selected'] = selected;
    } else if (column === 'project_id') {
      if (value.trim() === '') fail(row.line, 'project_id is empty');
      project['id'] = value.trim();
    } else {
      setOwn(project, column, value);
    }
  });
  return project as PabulibProject;
}

function readVote(header: string[], row: Row, projectIds: Set<string>): PabulibVote {
  const vote: Record<string, unknown> = {};
  header.forEach((column, i) => {
    const value = row.fields[i]!;
    if (column === 'voter_id') {
      if (value.trim() === '') fail(row.line, 'voter_id is empty');
      vote['voterId'] = value.trim();
    } else if (column === 'vote') {
      const ids = value.trim() === '' ? [] : value.split(',').map((id) => id.trim());
      for (const id of ids) if (!projectIds.has(id)) fail(row.line, `the vote names project ${id}, which is not in PROJECTS`);
      vote['projectIds'] = ids;
    } else if (column === 'points') {
      vote['points'] = value.trim() === '' ? [] : value.split(',').map((p) => parseNumber(p, row.line, 'points'));
    } else {
      setOwn(vote, column, value);
    }
  });
  const points = vote['points'] as number[] | undefined;
  const ids = vote['projectIds'] as string[];
  if (points && points.length !== ids.length) {
    fail(row.line, `the vote names ${ids.length} projects but gives ${points.length} points`);
  }
  return vote as PabulibVote;
}

const needsQuotes = /[;"\r\n]/;
const quote = (value: string): string => (needsQuotes.test(value) || value.startsWith('"') ? `"${value.replace(/"/g, '""')}"` : value);

function columns<T extends object>(items: readonly T[], first: string, renames: Map<string, string>): string[] {
  const keys: string[] = [first];
  const back = new Map([...renames].map(([column, key]) => [key, column]));
  for (const item of items) {
    for (const key of Object.keys(item)) {
      const column = back.get(key) ?? key;
      if (!keys.includes(column)) keys.push(column);
    }
  }
  return keys;
}

const cell = (value: unknown): string => {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (Array.isArray(value)) return value.join(',');
  return String(value);
};

/**
 * Writes Pabulib text; `parsePabulib(toPabulib(x))` deep-equals `x`. Declared `num_projects` and
 * `num_votes` are brought up to date.
 */
export function toPabulib(data: PabulibData): string {
  const lines: string[] = ['META', 'key;value'];
  for (const [key, value] of Object.entries(data.meta)) {
    const v = key === 'num_projects' ? String(data.projects.length) : key === 'num_votes' ? String(data.votes.length) : value;
    lines.push(`${quote(key)};${quote(v)}`);
  }
  const projectColumns = columns(data.projects, 'project_id', PROJECT_KEYS);
  if (!projectColumns.includes('cost')) projectColumns.splice(1, 0, 'cost');
  lines.push('PROJECTS', projectColumns.join(';'));
  for (const p of data.projects) {
    lines.push(projectColumns.map((c) => quote(cell((p as Record<string, unknown>)[PROJECT_KEYS.get(c) ?? c]))).join(';'));
  }
  const voteColumns = columns(data.votes, 'voter_id', VOTE_KEYS);
  if (!voteColumns.includes('vote')) voteColumns.splice(1, 0, 'vote');
  lines.push('VOTES', voteColumns.join(';'));
  for (const v of data.votes) {
    lines.push(voteColumns.map((c) => quote(cell((v as Record<string, unknown>)[VOTE_KEYS.get(c) ?? c]))).join(';'));
  }
  return lines.join('\n') + '\n';
}
