import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { signRequest, type Credentials } from '../../tools/sigv4.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../local/emulators.ts';
import type { ApiRequest, GlobalOptions } from './commands.ts';

/**
 * Where `npm run admin` sends its requests, and the signed request itself: the local system of
 * `npm start` with the local credentials, or the API of stack MonitorAoj-<env> with the caller's own
 * AWS identity (default provider chain), as API Gateway's AWS_IAM authorisation requires.
 */
export interface Target {
  baseUrl: string;
  credentials: Credentials | (() => Promise<Credentials>);
  region: string;
  local: boolean;
}

/** A failure that is not the user's typing: shown on stderr, exit code 1. */
export class AdminError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdminError';
  }
}

export const stackName = (env: string) => `MonitorAoj-${env}`;

/** The region in an execute-api address, which is the region to sign for. */
function regionOfUrl(url: string): string | undefined {
  return /\.execute-api\.([a-z0-9-]+)\.amazonaws\.com$/.exec(new URL(url).hostname)?.[1];
}

export async function resolveTarget(options: GlobalOptions, env: NodeJS.ProcessEnv = process.env): Promise<Target> {
  if (options.env === undefined) {
    return { baseUrl: options.apiUrl ?? `http://localhost:${env.PORT ?? 4321}`, credentials: LOCAL_CREDENTIALS, region: LOCAL_REGION, local: true };
  }
  const credentials = defaultProvider();
  const cloudFormation = new CloudFormationClient({ credentials });
  try {
    const region = await cloudFormation.config.region();
    let baseUrl = options.apiUrl;
    if (baseUrl === undefined) {
      const name = stackName(options.env);
      let outputs;
      try {
        outputs = (await cloudFormation.send(new DescribeStacksCommand({ StackName: name }))).Stacks?.[0]?.Outputs;
      } catch (error) {
        throw new AdminError(`Could not read stack ${name} in ${region}: ${(error as Error).message}\nCheck AWS_PROFILE / AWS_REGION and that the environment "${options.env}" is deployed there.`);
      }
      baseUrl = outputs?.find((o) => o.OutputKey === 'ApiUrl')?.OutputValue;
      if (!baseUrl) throw new AdminError(`Stack ${name} in ${region} has no output ApiUrl.`);
    }
    return { baseUrl, credentials, region: regionOfUrl(baseUrl) ?? region, local: false };
  } catch (error) {
    if (error instanceof AdminError) throw error;
    throw new AdminError(`No AWS region or credentials for --env ${options.env}: ${(error as Error).message}\nSet AWS_REGION (or a profile with a region) and sign in, e.g. aws sso login.`);
  } finally {
    cloudFormation.destroy();
  }
}

export interface ApiAnswer {
  status: number;
  /** Parsed JSON, or the text when the answer is not JSON. */
  body: unknown;
}

/** Sends one signed request; a refused connection to the local system becomes a hint to start it. */
export async function send(target: Target, request: ApiRequest): Promise<ApiAnswer> {
  const url = `${target.baseUrl.replace(/\/+$/, '')}${request.path}`;
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);
  const headers = await signRequest({
    method: request.method,
    url,
    headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body }),
    credentials: target.credentials,
    region: target.region,
  });
  let response: Response;
  try {
    response = await fetch(url, { method: request.method, headers, ...(body === undefined ? {} : { body }) });
  } catch (error) {
    const code = ((error as { cause?: { code?: string } }).cause ?? {}).code;
    if (code === 'ECONNREFUSED' && target.local) {
      throw new AdminError(`Nothing answers at ${target.baseUrl}. Start the local system first with npm start (in another terminal), or use --env <name> for AWS.`);
    }
    throw new AdminError(`Could not reach ${target.baseUrl}: ${code ?? (error as Error).message}`);
  }
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? null : (JSON.parse(text) as unknown);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed };
}
