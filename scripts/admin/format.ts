import type { DemoAnswer, GroupCounts, InvitationsAnswer, OpenLinkAnswer, RegionDetail, RegionSummary, RoundSummary } from '../../shared/operator/contract.ts';
import { COMMANDS, commandSpec, GLOBAL_OPTIONS, type CommandName } from './commands.ts';

/**
 * What `npm run admin` prints: the help, the API's answers as readable text (or one JSON document with
 * --json) and the API's errors. Plain functions of their input, so they are tested without a server.
 */

const RUN = 'npm run admin --';

function columns(rows: string[][], indent = ''): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => indent + r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')).join('\n');
}

function usageLine(name: CommandName): string {
  const spec = commandSpec(name);
  const parts = [name, ...spec.args.map((a) => `<${a.name}>`)];
  for (const o of spec.options) {
    const text = `--${o.name} ${o.value}`;
    parts.push(o.required ? text : `[${text}]${o.repeatable ? '...' : ''}`);
  }
  return parts.join(' ');
}

/** The list of every command with an example each, or the full help of one command. */
export function helpText(command?: CommandName): string {
  if (command) {
    const spec = commandSpec(command);
    const lines = [`${RUN} ${usageLine(command)}`, '', `  ${spec.summary[0]!.toUpperCase()}${spec.summary.slice(1)}.`, ''];
    const rows = [
      ...spec.args.map((a) => [`<${a.name}>`, a.help]),
      ...spec.options.map((o) => [`--${o.name} ${o.value}`, `${o.help}${o.required ? ' (required)' : ''}`]),
    ];
    if (rows.length) lines.push(columns(rows, '  '), '');
    lines.push('  Example:', `    ${RUN} ${spec.example}`, '', `  Also: ${GLOBAL_OPTIONS.filter((o) => o.name !== 'help').map((o) => `--${o.name}${o.value ? ` ${o.value}` : ''}`).join(', ')} (see ${RUN} --help).`);
    return lines.join('\n');
  }
  const lines = [
    'Monitor AOJ: work for operators (regions, rounds, invitation links).',
    '',
    `Usage: ${RUN} <command> [options]`,
    '',
    'Commands:',
  ];
  for (const spec of COMMANDS) {
    lines.push(`  ${spec.name.padEnd(24)}${spec.summary}`, `  ${''.padEnd(24)}e.g. ${RUN} ${spec.example}`);
  }
  lines.push(
    '',
    'Options for every command:',
    columns(GLOBAL_OPTIONS.map((o) => [`--${o.name}${o.value ? ` ${o.value}` : ''}`, o.help]), '  '),
    '',
    `Without --env the command goes to the local system: start it first with npm start.`,
    `More about one command: ${RUN} <command> --help, e.g. ${RUN} rounds create --help`,
  );
  return lines.join('\n');
}

const percent = (rate: number | null) => (rate === null ? '-' : `${Math.round(rate * 100)}%`);
const moment = (iso: string) => iso.slice(0, 16).replace('T', ' ');

function countsTable(counts: readonly GroupCounts[], indent: string): string {
  if (counts.length === 0) return `${indent}(no groups)`;
  return columns(
    [
      ['group', 'issued', 'started', 'completed', 'response', 'shared link started', 'shared link completed'],
      ...counts.map((c) => [c.group, String(c.issued), String(c.started), String(c.completed), percent(c.responseRate), String(c.openStarted), String(c.openCompleted)]),
    ],
    indent,
  );
}

function roundText(round: RoundSummary, indent = ''): string {
  return [
    `${indent}Round ${round.roundId} of region ${round.regionId}: ${round.status}, ${round.opens} to ${round.closes}`,
    `${indent}Groups: ${round.groups.join(', ')}`,
    countsTable(round.counts, `${indent}  `),
  ].join('\n');
}

function regionsText(regions: readonly RegionSummary[]): string {
  if (regions.length === 0) return 'No regions yet.';
  return [
    `${regions.length} region${regions.length === 1 ? '' : 's'}:`,
    columns([
      ['id', 'name', 'status', 'registered', 'gemeenten', ''],
      ...regions.map((r) => [r.regionId, r.name, r.status, moment(r.registeredAt), String(r.gemeenten), r.demo ? 'demo' : '']),
    ]),
  ].join('\n');
}

function regionText(region: RegionDetail): string {
  const contact = (c: RegionDetail['contacts']['gemeenten']) => [c.name, c.role, c.email, c.phone].filter(Boolean).join(', ');
  const lines = [
    `${region.name} (${region.regionId})${region.demo ? ' [demo]' : ''}`,
    columns([
      ['Status:', region.status],
      ['Registered:', moment(region.registeredAt)],
      ['Gemeenten:', `${region.gemeenten}${region.gemeentenCodes.length ? ` (${region.gemeentenCodes.join(', ')})` : ''}`],
      ['SWV PO:', region.swvPo.join(', ') || '-'],
      ['SWV VO:', region.swvVo.join(', ') || '-'],
      ['Contact gemeenten:', contact(region.contacts.gemeenten)],
      ['Contact SWV:', contact(region.contacts.swv)],
      ...(region.rejectionReason ? [['Reason rejected:', region.rejectionReason]] : []),
    ], '  '),
  ];
  if (region.warnings.length) lines.push('Warnings:', ...region.warnings.map((w) => `  - ${w}`));
  lines.push(region.rounds.length ? 'Rounds:' : 'No rounds yet.', ...region.rounds.map((r) => roundText(r, '  ')));
  if (region.statusLink) lines.push('', 'Private pages of this region (pass them on to the contacts only; anyone with a link can read it):', `  response: ${region.statusLink}`);
  if (region.resultsLink) lines.push(`  results:  ${region.resultsLink}`);
  return lines.join('\n');
}

function demoText(demo: DemoAnswer): string {
  return [
    `Demo region ${demo.regionId}: closed rounds with ${demo.responses} made-up responses (latest ${demo.roundId}), open round ${demo.openRoundId}, and ${demo.otherRegions} more made-up regions for the benchmark.`,
    'Private response page and results page (the results appear once the benchmark job has run, within a minute under npm start):',
    `  ${demo.statusLink}`,
    `  ${demo.resultsLink}`,
    'One unused personal link per group, to try the questionnaires:',
    columns(Object.entries(demo.links).map(([group, link]) => [`${group}:`, link]), '  '),
  ].join('\n');
}

/** The answer as text for people; invitation links alone, one per line, so they can be piped on. */
export function formatAnswer(command: CommandName, answer: unknown): string {
  try {
    switch (command) {
      case 'regions list':
        return regionsText((answer as { regions: RegionSummary[] }).regions);
      case 'regions show':
      case 'regions approve':
      case 'regions reject':
        return regionText(answer as RegionDetail);
      case 'rounds create':
      case 'rounds status':
      case 'rounds close':
        return roundText(answer as RoundSummary);
      case 'invitations create':
        return (answer as InvitationsAnswer).links.join('\n');
      case 'invitations open-link':
        return (answer as OpenLinkAnswer).link;
      case 'demo':
        return demoText(answer as DemoAnswer);
      case 'benchmark run':
        return 'Asked for a benchmark run: the job works within a quarter of an hour (npm start: within a minute).';
    }
  } catch {
    // An answer of another shape than the contract's: show it as it is rather than nothing.
  }
  return formatJson(answer);
}

/** --json: exactly one JSON document. */
export function formatJson(answer: unknown): string {
  return JSON.stringify(answer, null, 2);
}

/** An error answer of the API, for stderr: its message and the fields it concerns. */
export function formatApiError(status: number, body: unknown): string {
  const error = (body as { error?: { code?: unknown; message?: unknown; fields?: unknown } } | null)?.error;
  if (error && typeof error.message === 'string') {
    const lines = [`Error ${status}${typeof error.code === 'string' ? ` ${error.code}` : ''}: ${error.message}`];
    if (Array.isArray(error.fields)) {
      for (const f of error.fields as { field?: unknown; message?: unknown }[]) lines.push(`  ${String(f.field)}: ${String(f.message)}`);
    }
    return lines.join('\n');
  }
  if (status === 403) {
    return 'Error 403: Forbidden. The request was not accepted as signed by an operator: check your AWS credentials (profile, expired session) and that your identity may call this API.';
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return `Error ${status}: ${text.slice(0, 500)}`;
}
