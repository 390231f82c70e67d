import { parseArgs, UsageError } from './commands.ts';
import { AdminError, resolveTarget, send, type ApiAnswer, type Target } from './client.ts';
import type { ApiRequest, GlobalOptions } from './commands.ts';
import { formatAnswer, formatApiError, formatJson, helpText } from './format.ts';

export interface AdminIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The network side, replaceable in tests. */
  resolveTarget?: (options: GlobalOptions) => Promise<Target>;
  send?: (target: Target, request: ApiRequest) => Promise<ApiAnswer>;
}

/**
 * `npm run admin`: parse, send one signed request, print. Returns the exit code: 0 done, 1 the API or
 * the connection said no, 2 the command line was wrong.
 */
export async function runAdmin(argv: readonly string[], io: AdminIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`${error.message}\n`);
    return 2;
  }
  if (parsed.kind === 'help') {
    // Asked for: stdout and success. Not asked for (no command at all): stderr and a usage error.
    const asked = argv.includes('--help') || argv.includes('-h');
    (asked ? io.stdout : io.stderr)(`${helpText(parsed.command)}\n`);
    return asked ? 0 : 2;
  }
  try {
    const target = await (io.resolveTarget ?? resolveTarget)(parsed.options);
    const answer = await (io.send ?? send)(target, parsed.request);
    if (answer.status >= 400) {
      io.stderr(`${formatApiError(answer.status, answer.body)}\n`);
      return 1;
    }
    io.stdout(`${parsed.options.json ? formatJson(answer.body) : formatAnswer(parsed.command, answer.body)}\n`);
    if (!parsed.options.json && parsed.command === 'invitations create') {
      const links = (answer.body as { links?: unknown[] } | null)?.links;
      if (Array.isArray(links)) io.stderr(`${links.length} personal link${links.length === 1 ? '' : 's'} made (stdout has only the links).\n`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof AdminError)) throw error;
    io.stderr(`${error.message}\n`);
    return 1;
  }
}
