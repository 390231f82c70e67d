import { describe, expect, it } from 'vitest';
import { COMMANDS, parseArgs, UsageError, type Parsed } from '../../scripts/admin/commands.ts';
import { formatAnswer, formatApiError, helpText } from '../../scripts/admin/format.ts';
import { runAdmin } from '../../scripts/admin/run.ts';
import { AdminError, type ApiAnswer } from '../../scripts/admin/client.ts';
import type { RegionDetail, RoundSummary } from '../../shared/operator/contract.ts';

const run = (argv: string) => {
  const parsed = parseArgs(split(argv));
  if (parsed.kind !== 'run') throw new Error('expected a command');
  return parsed;
};

/** Splits like a shell: words, and "quoted text" as one word. */
function split(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

function usageError(argv: string): string {
  try {
    parseArgs(split(argv));
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`no usage error for: ${argv}`);
}

describe('npm run admin: parsing', () => {
  it('regions list, show, approve', () => {
    expect(run('regions list').request).toEqual({ method: 'GET', path: '/api/beheer/regios' });
    expect(run('regions show regio-1').request).toEqual({ method: 'GET', path: '/api/beheer/regios/regio-1' });
    expect(run('regions approve regio-1').request).toEqual({ method: 'POST', path: '/api/beheer/regios/regio-1/goedkeuren' });
  });

  it('demo and benchmark run', () => {
    expect(run('demo').request).toEqual({ method: 'POST', path: '/api/beheer/demo' });
    expect(run('benchmark run').request).toEqual({ method: 'POST', path: '/api/beheer/benchmark' });
    expect(usageError('benchmark now')).toContain('"benchmark" knows: run');
  });

  it('escapes ids in the path', () => {
    expect(run('regions show a/b').request.path).toBe('/api/beheer/regios/a%2Fb');
  });

  it('regions reject with a reason, in either option form', () => {
    const expected = { method: 'POST', path: '/api/beheer/regios/regio-1/afwijzen', body: { reason: 'Al aangemeld door de buurregio' } };
    expect(run('regions reject regio-1 --reason "Al aangemeld door de buurregio"').request).toEqual(expected);
    expect(parseArgs(['regions', 'reject', '--reason=Al aangemeld door de buurregio', 'regio-1'])).toMatchObject({ request: expected });
  });

  it('rounds create with every option, repeated themes and question/type pairs', () => {
    const parsed = run(
      'rounds create --region regio-1 --groups beleid,uitvoering,ouders-jongeren --opens 2027-01-10 --closes 2027-03-31 ' +
        '--omit-theme samenhang --omit-theme tevredenheid ' +
        '--extra-question "Hoe gaat het overleg met de scholen?" --extra-type open ' +
        '--extra-question "Wij kennen de jeugdhulp in de wijk." ' +
        '--extra-question "Wat zou u willen veranderen?" --extra-type open',
    );
    expect(parsed.request).toEqual({
      method: 'POST',
      path: '/api/beheer/rondes',
      body: {
        regionId: 'regio-1',
        groups: ['beleid', 'uitvoering', 'ouders-jongeren'],
        opens: '2027-01-10',
        closes: '2027-03-31',
        omitThemes: ['samenhang', 'tevredenheid'],
        extraQuestions: [
          { text: 'Hoe gaat het overleg met de scholen?', type: 'open' },
          { text: 'Wij kennen de jeugdhulp in de wijk.', type: 'likert' },
          { text: 'Wat zou u willen veranderen?', type: 'open' },
        ],
      },
    });
  });

  it('rounds create with only what is required: no opens, empty lists', () => {
    expect(run('rounds create --region regio-1 --groups beleid --closes 2027-03-31').request.body).toEqual({
      regionId: 'regio-1',
      groups: ['beleid'],
      closes: '2027-03-31',
      omitThemes: [],
      extraQuestions: [],
    });
  });

  it('rounds status and close', () => {
    expect(run('rounds status ronde-1').request).toEqual({ method: 'GET', path: '/api/beheer/rondes/ronde-1' });
    expect(run('rounds close ronde-1').request).toEqual({ method: 'POST', path: '/api/beheer/rondes/ronde-1/sluiten' });
  });

  it('invitations create and open-link', () => {
    expect(run('invitations create --round ronde-1 --group beleid --count 25').request).toEqual({
      method: 'POST',
      path: '/api/beheer/rondes/ronde-1/uitnodigingen',
      body: { group: 'beleid', count: 25 },
    });
    expect(run('invitations open-link --round ronde-1 --group ouders-jongeren').request).toEqual({
      method: 'POST',
      path: '/api/beheer/rondes/ronde-1/open-link',
      body: { group: 'ouders-jongeren' },
    });
  });

  it('demo', () => {
    expect(run('demo').request).toEqual({ method: 'POST', path: '/api/beheer/demo' });
  });

  it('global options anywhere: --json, --env, --api-url', () => {
    expect(run('--json regions list').options).toEqual({ json: true });
    expect(run('regions list --env prod').options).toEqual({ json: false, env: 'prod' });
    expect(run('regions show r --api-url http://127.0.0.1:9999 --json').options).toEqual({ json: true, apiUrl: 'http://127.0.0.1:9999' });
  });

  it('help: in general, per command, and with nothing at all', () => {
    expect(parseArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseArgs(['rounds', 'create', '-h'])).toEqual({ kind: 'help', command: 'rounds create' });
    expect(parseArgs([])).toEqual({ kind: 'help' });
  });
});

describe('npm run admin: bad input', () => {
  it.each([
    ['regions', /Unknown command "regions".*list, show, approve, reject/],
    ['frobnicate', /Unknown command "frobnicate"/],
    ['regions show', /needs <region-id>/],
    ['regions show a b', /unexpected "b"/],
    ['regions list --bogus 1', /has no option --bogus/],
    ['regions reject regio-1', /--reason is missing/],
    ['regions reject regio-1 --reason', /--reason needs a value/],
    ['regions reject regio-1 --reason ok', /--reason: Too small/],
    ['rounds create --groups beleid --closes 2027-03-31', /--region is missing/],
    ['rounds create --region r --groups beleid', /--closes is missing/],
    ['rounds create --region r --groups beleid --closes 31-03-2027', /--closes: Use a date like 2027-03-31/],
    ['rounds create --region r --groups ouders --closes 2027-03-31', /--groups \(value 1\): Invalid option/],
    ['rounds create --region r --groups beleid --closes 2027-03-31 --omit-theme kleur', /--omit-theme \(value 1\)/],
    ['rounds create --region r --groups beleid --closes 2027-03-31 --omit-theme samenhang --omit-theme samenwerking --omit-theme tevredenheid', /--omit-theme: Too big/],
    ['rounds create --region r --groups beleid --closes 2027-03-31 --extra-type open', /--extra-type must follow/],
    ['rounds create --region r --groups beleid --closes 2027-03-31 --extra-question "Een vraag van ons?" --extra-type open --extra-type likert', /--extra-type must follow/],
    ['rounds create --region r --groups beleid --closes 2027-03-31 --extra-question "Een vraag van ons?" --extra-type multiple', /--extra-type \(number 1\)/],
    ['rounds create --region r --groups beleid --closes 2027-03-31 --extra-question kort', /--extra-question \(number 1\): Too small/],
    ['rounds create --region r --region s --groups beleid --closes 2027-03-31', /--region is given more than once/],
    ['invitations create --round r --group beleid --count many', /--count: /],
    ['invitations create --round r --group beleid --count 0', /--count: Too small/],
    ['invitations create --round r --group beleid --count 2001', /--count: Too big/],
    ['invitations create --round r --count 5', /--group is missing/],
    ['invitations open-link --group beleid', /--round is missing/],
    ['regions list --env "not a name"', /--env:/],
    ['regions list --api-url nowhere', /--api-url:/],
    ['regions list --json=yes', /--json takes no value/],
  ])('%s', (argv, message) => {
    expect(usageError(argv)).toMatch(message);
  });

  it('reports every problem of a round at once', () => {
    const message = usageError('rounds create --region r --groups nobody --closes tomorrow --extra-question kort');
    expect(message.split('\n')).toHaveLength(3);
  });
});

describe('npm run admin: help', () => {
  it('lists every command with an example', () => {
    const help = helpText();
    for (const command of COMMANDS) {
      expect(help).toContain(command.name);
      expect(help).toContain(`npm run admin -- ${command.example}`);
    }
    expect(help).toMatch(/--json/);
    expect(help).toMatch(/--env <name>/);
  });

  it('every example parses', () => {
    for (const command of COMMANDS) {
      const example = split(command.example.replace(/ >.*$/, ''));
      expect((parseArgs(example) as Extract<Parsed, { kind: 'run' }>).command).toBe(command.name);
    }
  });

  it('one command: its arguments and options, required ones marked', () => {
    const help = helpText('regions reject');
    expect(help).toContain('npm run admin -- regions reject <region-id> --reason "<text>"');
    expect(help).toMatch(/--reason .*\(required\)/);
  });
});

const round: RoundSummary = {
  roundId: 'ronde-1',
  regionId: 'regio-1',
  groups: ['beleid', 'ouders-jongeren'],
  opens: '2027-01-10',
  closes: '2027-03-31',
  status: 'open',
  counts: [
    { group: 'beleid', issued: 40, started: 30, completed: 25, responseRate: 0.625, openStarted: 2, openCompleted: 1 },
    { group: 'ouders-jongeren', issued: 0, started: 0, completed: 0, responseRate: null, openStarted: 12, openCompleted: 9 },
  ],
};

const region: RegionDetail = {
  regionId: 'regio-1',
  name: 'Regio TESTDATA',
  status: 'goedgekeurd',
  registeredAt: '2026-11-30T10:15:00.000Z',
  gemeenten: 2,
  demo: false,
  gemeentenCodes: ['GM0344', 'GM0353'],
  swvPo: ['PO2601'],
  swvVo: [],
  contacts: {
    gemeenten: { name: 'A. Tester', role: 'beleidsadviseur', email: 'a@example.nl' },
    swv: { name: 'B. Tester', role: 'directeur', email: 'b@example.nl', phone: '030 123 45 67' },
  },
  warnings: ['GM0353 ligt ook in een ander SWV'],
  rounds: [round],
  statusLink: 'http://localhost:4321/api/respons/KEY-TESTDATA',
};

describe('npm run admin: output', () => {
  it('rounds status: per group issued, started, completed, response rate and the shared link apart', () => {
    const text = formatAnswer('rounds status', round);
    expect(text).toContain('Round ronde-1 of region regio-1: open, 2027-01-10 to 2027-03-31');
    expect(text).toMatch(/beleid\s+40\s+30\s+25\s+63%\s+2\s+1/);
    expect(text).toMatch(/ouders-jongeren\s+0\s+0\s+0\s+-\s+12\s+9/);
  });

  it('regions approve shows the private link once it is given', () => {
    const text = formatAnswer('regions approve', region);
    expect(text).toContain('Regio TESTDATA (regio-1)');
    expect(text).toContain('GM0344, GM0353');
    expect(text).toContain('GM0353 ligt ook in een ander SWV');
    expect(text).toContain('http://localhost:4321/api/respons/KEY-TESTDATA');
    expect(formatAnswer('regions show', { ...region, statusLink: undefined })).not.toContain('respons/');
  });

  it('regions list, demo, and an answer of an unexpected shape', () => {
    expect(formatAnswer('regions list', { regions: [] })).toBe('No regions yet.');
    expect(formatAnswer('regions list', { regions: [region] })).toMatch(/regio-1\s+Regio TESTDATA\s+goedgekeurd\s+2026-11-30 10:15\s+2/);
    const demo = formatAnswer('demo', { regionId: 'demo-1', roundId: 'ronde-d', statusLink: 'http://x/s', links: { beleid: 'http://x/b' }, responses: 60 });
    expect(demo).toContain('60 made-up responses');
    expect(demo).toMatch(/beleid:\s+http:\/\/x\/b/);
    expect(formatAnswer('rounds status', { surprise: true })).toBe(JSON.stringify({ surprise: true }, null, 2));
  });

  it('API errors: message and fields; a bare 403 explained', () => {
    const text = formatApiError(422, { error: { code: 'VALIDATION_FAILED', message: 'Niet alle gegevens zijn goed ingevuld.', fields: [{ field: 'closes', message: 'Kies een datum na vandaag.' }] } });
    expect(text).toBe('Error 422 VALIDATION_FAILED: Niet alle gegevens zijn goed ingevuld.\n  closes: Kies een datum na vandaag.');
    expect(formatApiError(403, { message: 'Forbidden' })).toMatch(/^Error 403: Forbidden\. .*AWS credentials/);
  });
});

describe('npm run admin: running a command', () => {
  async function admin(argv: string, answer: ApiAnswer | Error) {
    const out: string[] = [];
    const err: string[] = [];
    const sent: unknown[] = [];
    const code = await runAdmin(split(argv), {
      stdout: (t) => out.push(t),
      stderr: (t) => err.push(t),
      resolveTarget: async (options) => ({ baseUrl: options.apiUrl ?? 'http://stub', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, region: 'eu-central-1', local: true }),
      send: async (_target, request) => {
        sent.push(request);
        if (answer instanceof Error) throw answer;
        return answer;
      },
    });
    return { code, stdout: out.join(''), stderr: err.join(''), sent };
  }

  it('--json: stdout is exactly one parseable JSON document, the API answer', async () => {
    const result = await admin('rounds status ronde-1 --json', { status: 200, body: round });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(round);
    expect(result.stderr).toBe('');
    const links = await admin('invitations create --round ronde-1 --group beleid --count 2 --json', { status: 200, body: { roundId: 'ronde-1', group: 'beleid', links: ['http://l/1', 'http://l/2'] } });
    expect(JSON.parse(links.stdout)).toEqual({ roundId: 'ronde-1', group: 'beleid', links: ['http://l/1', 'http://l/2'] });
    expect(links.stderr).toBe('');
  });

  it('invitations create without --json: only the links on stdout, one per line', async () => {
    const result = await admin('invitations create --round ronde-1 --group beleid --count 2', { status: 200, body: { roundId: 'ronde-1', group: 'beleid', links: ['http://l/1', 'http://l/2'] } });
    expect(result.stdout).toBe('http://l/1\nhttp://l/2\n');
    expect(result.sent).toEqual([{ method: 'POST', path: '/api/beheer/rondes/ronde-1/uitnodigingen', body: { group: 'beleid', count: 2 } }]);
    const open = await admin('invitations open-link --round ronde-1 --group beleid', { status: 200, body: { roundId: 'ronde-1', group: 'beleid', link: 'http://l/open' } });
    expect(open.stdout).toBe('http://l/open\n');
  });

  it('an API error: message and fields on stderr, nothing on stdout, exit 1', async () => {
    const result = await admin('rounds close ronde-1 --json', { status: 404, body: { error: { code: 'NOT_FOUND', message: 'Deze ronde bestaat niet.' } } });
    expect(result).toMatchObject({ code: 1, stdout: '', stderr: 'Error 404 NOT_FOUND: Deze ronde bestaat niet.\n' });
  });

  it('bad input: message on stderr, exit 2, nothing sent', async () => {
    const result = await admin('rounds frob', { status: 200, body: {} });
    expect(result).toMatchObject({ code: 2, stdout: '', sent: [] });
    expect(result.stderr).toMatch(/Unknown command/);
  });

  it('no local system: the hint to run npm start, exit 1', async () => {
    const result = await admin('regions list', new AdminError('Nothing answers at http://localhost:4321. Start the local system first with npm start.'));
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toMatch(/npm start/);
  });

  it('--help on stdout with exit 0; no command at all on stderr with exit 2', async () => {
    const help = await admin('--help', { status: 200, body: {} });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('invitations open-link');
    const none = await admin('', { status: 200, body: {} });
    expect(none).toMatchObject({ code: 2, stdout: '' });
    expect(none.stderr).toContain('Commands:');
  });
});
