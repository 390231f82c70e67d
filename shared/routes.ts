/**
 * The one list of Lambda functions and API routes. The CDK stack creates a function per entry and an
 * HTTP API route per route; the local gateway (`npm start`, tests) serves exactly the same routes.
 */
/** snapshot-read: read published/ in the imports bucket; imports-bucket: the import's full access to it. */
export type Access = 'table-read' | 'table-write' | 'send-mail' | 'imports-bucket' | 'snapshot-read' | 'site-build';

export interface FunctionDefinition {
  /** Source entry, relative to the repository root. */
  entry: string;
  description: string;
  timeoutSeconds: number;
  memoryMb: number;
  access: readonly Access[];
  /** EventBridge schedule expression for jobs run on a timer (and on demand with `npm run job`). */
  schedule?: string;
}

export const FUNCTIONS = {
  regioscanStep: {
    entry: 'functions/regioscan-step/handler.ts',
    description: 'Regioscan: next step of the form (HTML, works without JavaScript)',
    timeoutSeconds: 10,
    memoryMb: 512,
    access: [],
  },
  regioscanSubmit: {
    entry: 'functions/regioscan-submit/handler.ts',
    description: 'Regioscan: store a submission and its pending email, then try to send it',
    timeoutSeconds: 10,
    memoryMb: 512,
    access: ['table-read', 'table-write', 'send-mail'],
  },
  regioscanResult: {
    entry: 'functions/regioscan-result/handler.ts',
    description: 'Regioscan: result page behind the link in the email',
    timeoutSeconds: 10,
    memoryMb: 512,
    access: ['table-read'],
  },
  mailSender: {
    entry: 'functions/mail-sender/handler.ts',
    description: 'Sends pending emails with retries; gives up after the last attempt (dead letter)',
    timeoutSeconds: 120,
    memoryMb: 512,
    access: ['table-read', 'table-write', 'send-mail'],
    schedule: 'rate(5 minutes)',
  },
  regionalSearch: {
    entry: 'functions/regional-search/handler.ts',
    description: 'Cijfers per gebied: search by name or code (works without JavaScript)',
    timeoutSeconds: 10,
    memoryMb: 1024,
    access: ['table-read', 'snapshot-read'],
  },
  regionalCompare: {
    entry: 'functions/regional-compare/handler.ts',
    description: 'Cijfers per gebied: an area page with the comparison areas chosen in the GET form',
    timeoutSeconds: 10,
    memoryMb: 1024,
    access: ['table-read', 'snapshot-read'],
  },
  indicatorImport: {
    entry: 'functions/indicator-import/handler.ts',
    description: 'Imports indicator and area files from the imports bucket and publishes a new snapshot',
    timeoutSeconds: 600,
    memoryMb: 2048,
    access: ['table-read', 'table-write', 'imports-bucket', 'site-build'],
    // Every night at 02:00 UTC; also started by uploads to incoming/.
    schedule: 'cron(0 2 * * ? *)',
  },
} as const satisfies Record<string, FunctionDefinition>;

export type FunctionName = keyof typeof FUNCTIONS;

export interface RouteDefinition {
  method: 'GET' | 'POST';
  /** API Gateway path syntax: `{name}` is a path parameter. Always under /api/. */
  path: string;
  function: FunctionName;
}

export const ROUTES: readonly RouteDefinition[] = [
  { method: 'POST', path: '/api/regioscan/stap', function: 'regioscanStep' },
  { method: 'POST', path: '/api/regioscan', function: 'regioscanSubmit' },
  { method: 'GET', path: '/api/regioscan/uitkomst/{submissionId}', function: 'regioscanResult' },
  { method: 'GET', path: '/api/gebieden/zoek', function: 'regionalSearch' },
  { method: 'GET', path: '/api/gebieden/vergelijk', function: 'regionalCompare' },
];

/** Jobs: functions with a schedule. */
export const JOBS = Object.entries(FUNCTIONS as Record<FunctionName, FunctionDefinition>)
  .filter(([, def]) => def.schedule !== undefined)
  .map(([name]) => name as FunctionName);

/** Matches a request path against a route path; returns the path parameters or undefined. */
export function matchRoute(
  method: string,
  path: string,
): { route: RouteDefinition; pathParameters: Record<string, string> } | undefined {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const want = route.path.split('/');
    const got = path.split('/');
    if (want.length !== got.length) continue;
    const params: Record<string, string> = {};
    const ok = want.every((segment, i) => {
      const m = /^\{(\w+)\}$/.exec(segment);
      if (m) {
        if (!got[i]) return false;
        try {
          params[m[1]!] = decodeURIComponent(got[i]!);
        } catch {
          return false; // malformed %-escape: no such route
        }
        return true;
      }
      return segment === got[i];
    });
    if (ok) return { route, pathParameters: params };
  }
  return undefined;
}

/** Whether some route exists for this path with another method (405 rather than 404). */
export function pathHasOtherMethod(path: string): boolean {
  return ['GET', 'POST'].some((m) => matchRoute(m, path) !== undefined);
}
