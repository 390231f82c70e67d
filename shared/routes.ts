/**
 * The one list of Lambda functions, their triggers and API routes with their access level. The CDK
 * stack creates a function per entry, an HTTP API route per route (operator routes with IAM
 * authorisation), a schedule or upload trigger per trigger; the local gateway (`npm start`, tests)
 * serves exactly the same routes and checks the same access; pages take their form actions from here.
 */
/**
 * snapshot-read: read published/ in the imports bucket; imports-bucket: the import's full access to it;
 * token-key: read the secret key under which invitation tokens are hashed; reports-write/-read: the
 * bucket with the regions' PDF reports.
 */
export type Access =
  | 'table-read'
  | 'table-write'
  | 'send-mail'
  | 'imports-bucket'
  | 'snapshot-read'
  | 'site-build'
  | 'token-key'
  | 'reports-write'
  | 'reports-read';

export interface FunctionDefinition {
  /** Source entry, relative to the repository root. */
  entry: string;
  description: string;
  timeoutSeconds: number;
  memoryMb: number;
  access: readonly Access[];
  /** EventBridge schedule expression for jobs run on a timer (and on demand with `npm run job`). */
  schedule?: string;
  /** Started by every upload under incoming/ in the imports bucket. */
  onUpload?: true;
  /** Largest bundle accepted (KiB, minified, AWS SDK external): cold starts stay short. Default 320. */
  bundleBudgetKiB?: number;
  /**
   * Lambda reserved concurrency: at most this many run at once, and this many are always available
   * to it. Jobs get a small number (they always find room, and never run more copies than they need);
   * public form functions get a cap, so a flood of posts cannot take the account's whole pool from
   * the pages, the jobs and the operators. Functions without it share the unreserved pool. In AWS only
   * (docs/deploy.md: the account needs a concurrency quota of at least 100 + the sum of these).
   */
  reservedConcurrency?: number;
}

export const FUNCTIONS = {
  regioscanStep: {
    entry: 'functions/regioscan-step/handler.ts',
    description: 'Regioscan: the steps of the form as pages of a server-side draft (post, redirect, get; works without JavaScript)',
    timeoutSeconds: 10,
    memoryMb: 512,
    access: ['table-read', 'table-write', 'token-key'],
    // A cap: public form.
    reservedConcurrency: 10,
  },
  regioscanSubmit: {
    entry: 'functions/regioscan-submit/handler.ts',
    description: 'Regioscan: store a submission and its pending email, then try to send it',
    timeoutSeconds: 10,
    memoryMb: 512,
    access: ['table-read', 'table-write', 'send-mail', 'token-key'],
    // A cap: public form (API Gateway throttles the route first).
    reservedConcurrency: 25,
  },
  regioscanResult: {
    entry: 'functions/regioscan-result/handler.ts',
    description: 'Regioscan: the outcome page right after sending, and the result page behind the link in the email',
    timeoutSeconds: 10,
    memoryMb: 512,
    access: ['table-read', 'token-key'],
  },
  mailSender: {
    entry: 'functions/mail-sender/handler.ts',
    description: 'Sends pending emails with retries; gives up after the last attempt (dead letter)',
    timeoutSeconds: 120,
    memoryMb: 512,
    access: ['table-read', 'table-write', 'send-mail'],
    schedule: 'rate(5 minutes)',
    // One sender at a time is enough (every 5 minutes, a lease on each email); always room for it.
    reservedConcurrency: 1,
  },
  regionalSearch: {
    entry: 'functions/regional-search/handler.ts',
    description: 'Cijfers per gebied: search by name or code (works without JavaScript)',
    timeoutSeconds: 10,
    memoryMb: 1024,
    access: ['table-read', 'snapshot-read'],
    // It alone carries the bundled postcode table (306 KiB before Powertools), and Powertools Logger
    // and Metrics add about 34 KiB to every API function: 340 KiB.
    bundleBudgetKiB: 360,
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
    onUpload: true,
    // Room for an upload next to the nightly run; more uploads at once wait (Lambda retries them).
    reservedConcurrency: 2,
  },
  registrationStep: {
    entry: 'functions/registration-step/handler.ts',
    description: 'Aanmelden: the steps of the registration form as pages of a server-side draft (post, redirect, get; works without JavaScript), and the confirmation page',
    timeoutSeconds: 10,
    memoryMb: 512,
    access: ['table-read', 'table-write', 'token-key'],
    // A cap: public form.
    reservedConcurrency: 5,
  },
  registrationSubmit: {
    entry: 'functions/registration-submit/handler.ts',
    description: 'Aanmelden: store a registration and its emails (operators, contacts), then try to send them',
    timeoutSeconds: 10,
    memoryMb: 512,
    access: ['table-read', 'table-write', 'send-mail', 'token-key'],
    // A cap: public form.
    reservedConcurrency: 10,
  },
  questionnaire: {
    entry: 'functions/questionnaire/handler.ts',
    description: 'Vragenlijsten: answer a questionnaire through an anonymous invitation link (HTML, works without JavaScript)',
    timeoutSeconds: 10,
    memoryMb: 512,
    access: ['table-read', 'table-write', 'token-key'],
    // A cap: public form (the POST steps of the questionnaires).
    reservedConcurrency: 25,
  },
  regionStatus: {
    entry: 'functions/region-status/handler.ts',
    description: 'Respons: the private page of a region with the response counts of its rounds',
    timeoutSeconds: 10,
    memoryMb: 512,
    access: ['table-read', 'token-key'],
  },
  benchmark: {
    entry: 'functions/benchmark/handler.ts',
    description: 'Benchmark: aggregates closed rounds against all regions, writes results and PDF reports',
    timeoutSeconds: 900,
    memoryMb: 2048,
    access: ['table-read', 'table-write', 'reports-write'],
    // Every 15 minutes it looks whether a round closed (or a night passed) and only then works.
    schedule: 'rate(15 minutes)',
    // pdfkit with fontkit and the two embedded Noto Sans fonts: a job, so its cold start matters little.
    bundleBudgetKiB: 1600,
    // One run at a time: a second copy would only redo the same results and reports.
    reservedConcurrency: 1,
  },
  regionResults: {
    entry: 'functions/region-results/handler.ts',
    description: 'Uitkomsten: the private results page of a region, its CSV and its PDF report',
    timeoutSeconds: 10,
    memoryMb: 512,
    access: ['table-read', 'token-key', 'reports-read'],
  },
  operator: {
    entry: 'functions/operator/handler.ts',
    description: 'Beheer: regions, rounds and invitations for the operators (IAM-signed requests only)',
    timeoutSeconds: 30,
    memoryMb: 512,
    access: ['table-read', 'table-write', 'send-mail', 'token-key'],
  },
} as const satisfies Record<string, FunctionDefinition>;

export type FunctionName = keyof typeof FUNCTIONS;

/**
 * public: anyone, through CloudFront. operator: only requests signed (SigV4) by an operator's AWS
 * identity; API Gateway checks the signature (AWS_IAM), the local gateway does the same.
 */
export type RouteAccess = 'public' | 'operator';

export interface RouteDefinition {
  method: 'GET' | 'POST';
  /** API Gateway path syntax: `{name}` is a path parameter. Always under /api/. */
  path: string;
  function: FunctionName;
  access: RouteAccess;
}

/** Prefix of every operator route. */
export const OPERATOR_PREFIX = '/api/beheer';

/**
 * The Regioscan's routes. The draft id (128 random bits) is the visitor's only key to the answers so
 * far; it sits in the path (never in a log: see the API's access log format).
 */
export const REGIOSCAN_PATHS = {
  /** Step 1 of the static page: makes the draft and redirects to step 2. */
  start: '/api/regioscan/stap',
  step: '/api/regioscan/{draftId}/stap/{step}',
  send: '/api/regioscan/{draftId}/versturen',
  outcome: '/api/regioscan/{draftId}/uitkomst',
  /** JSON for programs. */
  submit: '/api/regioscan',
  /** The lasting result page of a stored submission (the link in the email). */
  result: '/api/regioscan/uitkomst/{submissionId}',
} as const;

/**
 * The registration's routes, like the Regioscan's: the draft id (128 random bits) in the path is the
 * visitor's only key to the answers so far (never in a log: see the API's access log format).
 */
export const REGISTRATION_PATHS = {
  /** Step 1 of the static page: makes the draft and redirects to step 2. */
  start: '/api/aanmelden/stap',
  step: '/api/aanmelden/{draftId}/stap/{step}',
  send: '/api/aanmelden/{draftId}/versturen',
  /** The confirmation page after sending, from the draft. */
  received: '/api/aanmelden/{draftId}/ontvangen',
  /** JSON for programs. */
  submit: '/api/aanmelden',
} as const;

const pub = (method: RouteDefinition['method'], path: string, fn: FunctionName): RouteDefinition => ({ method, path, function: fn, access: 'public' });
const op = (method: RouteDefinition['method'], path: string): RouteDefinition => ({ method, path: `${OPERATOR_PREFIX}${path}`, function: 'operator', access: 'operator' });

export const ROUTES: readonly RouteDefinition[] = [
  pub('POST', REGIOSCAN_PATHS.start, 'regioscanStep'),
  pub('GET', REGIOSCAN_PATHS.step, 'regioscanStep'),
  pub('POST', REGIOSCAN_PATHS.step, 'regioscanStep'),
  pub('POST', REGIOSCAN_PATHS.send, 'regioscanSubmit'),
  pub('POST', REGIOSCAN_PATHS.submit, 'regioscanSubmit'),
  pub('GET', REGIOSCAN_PATHS.result, 'regioscanResult'),
  pub('GET', REGIOSCAN_PATHS.outcome, 'regioscanResult'),
  pub('GET', '/api/gebieden/zoek', 'regionalSearch'),
  pub('GET', '/api/gebieden/vergelijk', 'regionalCompare'),
  pub('POST', REGISTRATION_PATHS.start, 'registrationStep'),
  pub('GET', REGISTRATION_PATHS.step, 'registrationStep'),
  pub('POST', REGISTRATION_PATHS.step, 'registrationStep'),
  pub('GET', REGISTRATION_PATHS.received, 'registrationStep'),
  pub('POST', REGISTRATION_PATHS.send, 'registrationSubmit'),
  pub('POST', REGISTRATION_PATHS.submit, 'registrationSubmit'),
  // The invitation token is the resume key; it sits in the path (never in a log: see the API's access log format).
  pub('GET', '/api/vragenlijst/{token}', 'questionnaire'),
  pub('GET', '/api/vragenlijst/{token}/{step}', 'questionnaire'),
  pub('POST', '/api/vragenlijst/{token}/{step}', 'questionnaire'),
  pub('GET', '/api/open-vragenlijst/{token}', 'questionnaire'),
  pub('POST', '/api/open-vragenlijst/{token}', 'questionnaire'),
  pub('GET', '/api/respons/{key}', 'regionStatus'),
  pub('GET', '/api/uitkomsten/{key}', 'regionResults'),
  pub('GET', '/api/uitkomsten/{key}/{file}', 'regionResults'),
  op('GET', '/regios'),
  op('GET', '/regios/{regionId}'),
  op('POST', '/regios/{regionId}/goedkeuren'),
  op('POST', '/regios/{regionId}/afwijzen'),
  op('POST', '/rondes'),
  op('GET', '/rondes/{roundId}'),
  op('POST', '/rondes/{roundId}/sluiten'),
  op('POST', '/rondes/{roundId}/uitnodigingen'),
  op('POST', '/rondes/{roundId}/open-link'),
  op('POST', '/demo'),
  op('POST', '/benchmark'),
];

/** The path of a function's only route of that method: form actions in pages come from here. */
export function routePath(fn: FunctionName, method: RouteDefinition['method'] = 'POST'): string {
  const found = ROUTES.filter((r) => r.function === fn && r.method === method);
  if (found.length !== 1) throw new Error(`${fn} has ${found.length} ${method} routes`);
  return found[0]!.path;
}

/** Fills a route path's `{name}` parameters. */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${path}`);
    return encodeURIComponent(value);
  });
}

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
