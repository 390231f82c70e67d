import * as z from 'zod';
import {
  createInvitationsBody,
  createRoundBody,
  GROUP_VALUES,
  MAX_INVITATIONS_PER_REQUEST,
  openLinkBody,
  rejectBody,
  THEME_VALUES,
} from '../../shared/operator/contract.ts';
import { fillPath, OPERATOR_PREFIX, ROUTES } from '../../shared/routes.ts';

/**
 * The commands of `npm run admin`: one list, from which the parser and the help are made. Parsing turns
 * the command line into one request to an operator route, validated with the contract's own schemas.
 */

/** A mistake in the command line: shown on stderr, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface ApiRequest {
  method: 'GET' | 'POST';
  /** Full path, under /api/beheer. */
  path: string;
  body?: unknown;
}

export interface GlobalOptions {
  /** Print the API's answer as one JSON document. */
  json: boolean;
  /** Environment name: the API of stack MonitorAoj-<env>, signed with your AWS identity. */
  env?: string;
  /** Use this API URL instead (tests; a copy of the stack elsewhere). */
  apiUrl?: string;
}

export type CommandName =
  | 'regions list'
  | 'regions show'
  | 'regions approve'
  | 'regions reject'
  | 'rounds create'
  | 'rounds status'
  | 'rounds close'
  | 'invitations create'
  | 'invitations open-link'
  | 'demo'
  | 'benchmark run';

export type Parsed =
  | { kind: 'help'; command?: CommandName }
  | { kind: 'run'; command: CommandName; request: ApiRequest; options: GlobalOptions };

/** One option occurrence, in command-line order (pairs of --extra-question/--extra-type need the order). */
interface OptionToken {
  name: string;
  value: string;
}

interface CommandInput {
  positional: string[];
  options: OptionToken[];
}

interface OptionSpec {
  name: string;
  /** Placeholder in the help. */
  value: string;
  help: string;
  required?: boolean;
  repeatable?: boolean;
}

export interface CommandSpec {
  name: CommandName;
  /** Positional arguments, in order (all required). */
  args: { name: string; help: string }[];
  options: OptionSpec[];
  summary: string;
  example: string;
  build(input: CommandInput): ApiRequest;
}

export const GLOBAL_OPTIONS: OptionSpec[] = [
  { name: 'json', value: '', help: 'print only the answer of the API, as one JSON document' },
  { name: 'env', value: '<name>', help: 'work on environment <name> in AWS (stack MonitorAoj-<name>) with your own AWS credentials; without it: the local system of npm start' },
  { name: 'api-url', value: '<url>', help: 'send the requests to this API address instead' },
  { name: 'help', value: '', help: 'show this help, or the help of one command' },
];

const regionId = createRoundBody.shape.regionId;
const roundId = z.string().min(1).max(64);

/** The path of an operator route from the route table, so a typo here cannot invent a route. */
function operatorPath(method: ApiRequest['method'], template: string, params: Record<string, string> = {}): string {
  const full = `${OPERATOR_PREFIX}${template}`;
  if (!ROUTES.some((r) => r.access === 'operator' && r.method === method && r.path === full)) {
    throw new Error(`no operator route ${method} ${full}`);
  }
  return fillPath(full, params);
}

/** Which command-line option a field of a request body comes from. */
const OPTION_OF_FIELD: Record<string, string> = {
  regionId: '--region',
  groups: '--groups',
  opens: '--opens',
  closes: '--closes',
  omitThemes: '--omit-theme',
  extraQuestions: '--extra-question',
  reason: '--reason',
  group: '--group',
  count: '--count',
};

function describeIssue(issue: z.core.$ZodIssue, label?: string): string {
  const [field, index, sub] = issue.path;
  let where = label ?? OPTION_OF_FIELD[String(field)] ?? String(field ?? 'value');
  if (field === 'extraQuestions' && typeof index === 'number') where = `${sub === 'type' ? '--extra-type' : '--extra-question'} (number ${index + 1})`;
  else if (typeof index === 'number') where = `${where} (value ${index + 1})`;
  if (issue.code === 'unrecognized_keys') return `${where}: unknown field(s) ${issue.keys.join(', ')}`;
  return `${where}: ${issue.message}`;
}

/** Validates with a contract schema; every problem becomes a line of one UsageError. */
function validate<S extends z.ZodType>(schema: S, value: unknown, label?: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new UsageError(result.error.issues.map((issue) => describeIssue(issue, label)).join('\n'));
}

function single(input: CommandInput, name: string): string | undefined {
  return input.options.find((o) => o.name === name)?.value;
}

function required(input: CommandInput, name: string, hint: string): string {
  const value = single(input, name);
  if (value === undefined) throw new UsageError(`--${name} is missing: ${hint}`);
  return value;
}

function list(value: string): string[] {
  return value.split(',').map((v) => v.trim()).filter((v) => v !== '');
}

/** Each --extra-question takes the first --extra-type after it (before the next question); default likert. */
function extraQuestions(input: CommandInput): { text: string; type: string }[] {
  const out: { text: string; type: string; typed: boolean }[] = [];
  for (const option of input.options) {
    if (option.name === 'extra-question') out.push({ text: option.value, type: 'likert', typed: false });
    if (option.name === 'extra-type') {
      const last = out.at(-1);
      if (!last || last.typed) throw new UsageError('--extra-type must follow the --extra-question it belongs to.');
      last.type = option.value;
      last.typed = true;
    }
  }
  return out.map(({ text, type }) => ({ text, type }));
}

function count(value: string): number | string {
  return /^\d+$/.test(value.trim()) ? Number(value.trim()) : value;
}

const GROUPS = GROUP_VALUES.join(', ');
const THEMES = THEME_VALUES.join(', ');

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'regions list',
    args: [],
    options: [],
    summary: 'list every region that has registered, with its status',
    example: 'regions list',
    build: () => ({ method: 'GET', path: operatorPath('GET', '/regios') }),
  },
  {
    name: 'regions show',
    args: [{ name: 'region-id', help: 'the id of the region, as shown by regions list' }],
    options: [],
    summary: 'show one region: gemeenten, SWV, contacts, warnings and its rounds',
    example: 'regions show regio-utrecht-west',
    build: ({ positional: [id] }) => ({ method: 'GET', path: operatorPath('GET', '/regios/{regionId}', { regionId: validate(regionId, id, '<region-id>') }) }),
  },
  {
    name: 'regions approve',
    args: [{ name: 'region-id', help: 'the id of the region to approve' }],
    options: [],
    summary: "approve a registration; prints the region's private response and results links (regions show prints them again)",
    example: 'regions approve regio-utrecht-west',
    build: ({ positional: [id] }) => ({ method: 'POST', path: operatorPath('POST', '/regios/{regionId}/goedkeuren', { regionId: validate(regionId, id, '<region-id>') }) }),
  },
  {
    name: 'regions reject',
    args: [{ name: 'region-id', help: 'the id of the region to reject' }],
    options: [{ name: 'reason', value: '"<text>"', help: 'why, in a few words (3 to 500 characters); the contacts read it', required: true }],
    summary: 'reject a registration, with the reason',
    example: 'regions reject regio-utrecht-west --reason "Dit samenwerkingsverband is al aangemeld."',
    build: (input) => {
      const id = validate(regionId, input.positional[0], '<region-id>');
      const body = validate(rejectBody, { reason: required(input, 'reason', 'say why the registration is rejected.') });
      return { method: 'POST', path: operatorPath('POST', '/regios/{regionId}/afwijzen', { regionId: id }), body };
    },
  },
  {
    name: 'rounds create',
    args: [],
    options: [
      { name: 'region', value: '<region-id>', help: 'the approved region the round is for', required: true },
      { name: 'groups', value: '<group,group>', help: `who is asked, separated by commas: ${GROUPS}`, required: true },
      { name: 'opens', value: '<YYYY-MM-DD>', help: 'first day the links work (default: today)' },
      { name: 'closes', value: '<YYYY-MM-DD>', help: 'last day the links work', required: true },
      { name: 'omit-theme', value: '<theme>', help: `leave out a theme (${THEMES}); repeat for a second one`, repeatable: true },
      { name: 'extra-question', value: '"<text>"', help: 'add a question of your own (10 to 300 characters, at most 5); repeat for more', repeatable: true },
      { name: 'extra-type', value: 'likert|open', help: 'the kind of answer to the --extra-question just before it (default likert)', repeatable: true },
    ],
    summary: 'plan a questionnaire round for a region',
    example: 'rounds create --region regio-utrecht-west --groups beleid,uitvoering --closes 2027-03-31 --extra-question "Hoe gaat het overleg met de scholen?" --extra-type open',
    build: (input) => {
      const body = validate(createRoundBody, {
        regionId: required(input, 'region', 'name the region with --region <region-id>.'),
        groups: list(required(input, 'groups', `name the groups, e.g. --groups ${GROUP_VALUES.join(',')}.`)),
        ...(single(input, 'opens') !== undefined ? { opens: single(input, 'opens') } : {}),
        closes: required(input, 'closes', 'give the last day, e.g. --closes 2027-03-31.'),
        omitThemes: input.options.filter((o) => o.name === 'omit-theme').map((o) => o.value),
        extraQuestions: extraQuestions(input),
      });
      return { method: 'POST', path: operatorPath('POST', '/rondes'), body };
    },
  },
  {
    name: 'rounds status',
    args: [{ name: 'round-id', help: 'the id of the round' }],
    options: [],
    summary: 'show the response of a round per group: links issued, started, completed, response rate, shared link',
    example: 'rounds status ronde-2027-voorjaar',
    build: ({ positional: [id] }) => ({ method: 'GET', path: operatorPath('GET', '/rondes/{roundId}', { roundId: validate(roundId, id, '<round-id>') }) }),
  },
  {
    name: 'rounds close',
    args: [{ name: 'round-id', help: 'the id of the round to close' }],
    options: [],
    summary: 'close a round now: its links stop working',
    example: 'rounds close ronde-2027-voorjaar',
    build: ({ positional: [id] }) => ({ method: 'POST', path: operatorPath('POST', '/rondes/{roundId}/sluiten', { roundId: validate(roundId, id, '<round-id>') }) }),
  },
  {
    name: 'invitations create',
    args: [],
    options: [
      { name: 'round', value: '<round-id>', help: 'the round', required: true },
      { name: 'group', value: '<group>', help: `one of ${GROUPS}`, required: true },
      { name: 'count', value: '<n>', help: `how many personal links (1 to ${MAX_INVITATIONS_PER_REQUEST})`, required: true },
    ],
    summary: 'make personal invitation links; prints only the links, one per line (for a mail merge)',
    example: 'invitations create --round ronde-2027-voorjaar --group beleid --count 25 > links-beleid.txt',
    build: (input) => {
      const id = validate(roundId, required(input, 'round', 'name the round with --round <round-id>.'), '--round');
      const body = validate(createInvitationsBody, {
        group: required(input, 'group', `one of ${GROUPS}.`),
        count: count(required(input, 'count', 'say how many links, e.g. --count 25.')),
      });
      return { method: 'POST', path: operatorPath('POST', '/rondes/{roundId}/uitnodigingen', { roundId: id }), body };
    },
  },
  {
    name: 'invitations open-link',
    args: [],
    options: [
      { name: 'round', value: '<round-id>', help: 'the round', required: true },
      { name: 'group', value: '<group>', help: `one of ${GROUPS}`, required: true },
    ],
    summary: "print the group's one shared link (anyone with it can answer; counted apart)",
    example: 'invitations open-link --round ronde-2027-voorjaar --group ouders-jongeren',
    build: (input) => {
      const id = validate(roundId, required(input, 'round', 'name the round with --round <round-id>.'), '--round');
      const body = validate(openLinkBody, { group: required(input, 'group', `one of ${GROUPS}.`) });
      return { method: 'POST', path: operatorPath('POST', '/rondes/{roundId}/open-link', { roundId: id }), body };
    },
  },
  {
    name: 'demo',
    args: [],
    options: [],
    summary: 'make a demo region with closed rounds and made-up answers (and six more for the benchmark), to show or try the system',
    example: 'demo',
    build: () => ({ method: 'POST', path: operatorPath('POST', '/demo') }),
  },
  {
    name: 'benchmark run',
    args: [],
    options: [],
    summary: 'ask for a benchmark run now (it also runs after every closed round and every night)',
    example: 'benchmark run',
    build: () => ({ method: 'POST', path: operatorPath('POST', '/benchmark') }),
  },
];

export function commandSpec(name: CommandName): CommandSpec {
  return COMMANDS.find((c) => c.name === name)!;
}

const GROUP_WORDS = [...new Set(COMMANDS.map((c) => c.name.split(' ')[0]!))];

/** Parses the arguments after `npm run admin --`. Throws UsageError for anything it cannot use. */
export function parseArgs(argv: readonly string[]): Parsed {
  const words: string[] = [];
  const tokens: OptionToken[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') {
      help = true;
      continue;
    }
    if (!arg.startsWith('--') || arg === '--') {
      if (arg !== '--') words.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (name === 'json') {
      if (eq !== -1) throw new UsageError('--json takes no value.');
      tokens.push({ name, value: '' });
      continue;
    }
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) value = argv[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value.`);
    tokens.push({ name, value });
  }

  const command = findCommand(words);
  if (help || words.length === 0) return command ? { kind: 'help', command: command.name } : { kind: 'help' };
  if (!command) {
    const known = GROUP_WORDS.includes(words[0]!) ? ` "${words[0]}" knows: ${COMMANDS.filter((c) => c.name.startsWith(`${words[0]} `)).map((c) => c.name.split(' ')[1]).join(', ')}.` : '';
    throw new UsageError(`Unknown command "${words.slice(0, 2).join(' ')}".${known} Run npm run admin -- --help for the list.`);
  }
  const positional = words.slice(command.name.split(' ').length);
  if (positional.length < command.args.length) {
    throw new UsageError(`${command.name} needs <${command.args[positional.length]!.name}>: ${command.args[positional.length]!.help}. Example: npm run admin -- ${command.example}`);
  }
  if (positional.length > command.args.length) throw new UsageError(`${command.name}: unexpected "${positional[command.args.length]}" (put text with spaces between quotes).`);

  const options: GlobalOptions = { json: false };
  const own: OptionToken[] = [];
  const seen = new Set<string>();
  for (const token of tokens) {
    const global = GLOBAL_OPTIONS.some((o) => o.name === token.name);
    const spec = command.options.find((o) => o.name === token.name);
    if (!global && !spec) throw new UsageError(`${command.name} has no option --${token.name}.${command.options.length ? ` Its options: ${command.options.map((o) => `--${o.name}`).join(', ')}.` : ''}`);
    if (seen.has(token.name) && !spec?.repeatable) throw new UsageError(`--${token.name} is given more than once.`);
    seen.add(token.name);
    if (token.name === 'json') options.json = true;
    else if (token.name === 'env') options.env = validateEnv(token.value);
    else if (token.name === 'api-url') options.apiUrl = validateUrl(token.value);
    else own.push(token);
  }
  return { kind: 'run', command: command.name, request: command.build({ positional, options: own }), options };
}

function findCommand(words: string[]): CommandSpec | undefined {
  return COMMANDS.find((c) => {
    const parts = c.name.split(' ');
    return parts.every((part, i) => words[i] === part);
  });
}

function validateEnv(value: string): string {
  if (!/^[a-z0-9][a-z0-9-]{0,30}$/i.test(value)) throw new UsageError(`--env: "${value}" is not an environment name (e.g. test, prod).`);
  return value;
}

function validateUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--api-url: "${value}" is not a web address.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError('--api-url must start with http:// or https://.');
  return value;
}
