import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ENVIRONMENT_NAMES, ENVIRONMENTS, loadSettings, parseSettings, PRODUCTION_ENVIRONMENTS, type SettingsInput } from '../../infra/environments.ts';
import { REPO_ROOT } from '../../infra/paths.ts';
import { LOCAL_ORGANISATION } from '../../shared/web/site-identity.ts';

const valid: SettingsInput = {
  ses: { fromAddress: 'Monitor AOJ <noreply@example.nl>', identity: 'example.nl', configurationSetName: 'maoj-x' },
  retainData: true,
  logRetentionDays: 30,
  apiThrottle: { rateLimit: 10, burstLimit: 20 },
  postThrottle: { rateLimit: 5, burstLimit: 10 },
  operatorEmail: 'beheer@example.nl',
  organisation: { name: 'Stichting Voorbeeld', email: 'contact@example.nl' },
};

describe('environment settings', () => {
  it('has valid test and prod records', () => {
    expect(ENVIRONMENT_NAMES).toEqual(expect.arrayContaining(['test', 'prod']));
    for (const name of ENVIRONMENT_NAMES) expect(() => loadSettings(name, {})).not.toThrow();
    expect(loadSettings('prod', {}).retainData).toBe(true);
    expect(loadSettings('prod', {}).region).toBe('eu-central-1');
  });

  it('names the organisation that runs the site, with a valid contact address (required in production)', () => {
    const { organisation: _, ...withoutOrganisation } = valid;
    expect(parseSettings(withoutOrganisation).organisation).toEqual(LOCAL_ORGANISATION);
    expect(() => parseSettings({ ...withoutOrganisation, alarmEmail: 'ops@example.nl', waf: true }, 'settings', { production: true })).toThrow(/organisation: required in a production environment/);
    expect(() => parseSettings({ ...valid, organisation: { name: 'Stichting Voorbeeld', email: 'geen adres' } })).toThrow(/organisation\.email/);
    expect(() => parseSettings({ ...valid, organisation: { name: '', email: 'contact@example.nl' } })).toThrow(/organisation\.name/);
    for (const name of ENVIRONMENT_NAMES) expect(loadSettings(name, {}).organisation.email).toMatch(/@/);
  });

  it('takes the account from the CDK CLI when the record has none', () => {
    expect(loadSettings('test', { CDK_DEFAULT_ACCOUNT: '111122223333' }).account).toBe('111122223333');
    expect(loadSettings('test', {}).account).toBeUndefined();
  });

  it('rejects an unknown environment, naming the valid ones', () => {
    expect(() => loadSettings('staging')).toThrow(/Unknown environment "staging".*test, prod/);
    expect(() => loadSettings('toString')).toThrow(/Unknown environment/);
  });

  it('accepts a complete record with every optional field', () => {
    const s = parseSettings({
      ...valid,
      account: '123456789012',
      region: 'eu-west-1',
      publicUrl: 'https://monitor.example.nl',
      customDomain: { name: 'monitor.example.nl', certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-0000-4000-8000-000000000000' },
      ses: { ...valid.ses, fromAddress: 'noreply@example.nl', replyTo: 'Helpdesk <help@example.nl>' },
      alarmEmail: 'ops@example.nl',
    });
    expect(s.region).toBe('eu-west-1');
  });

  const invalid: [string, SettingsInput | Record<string, unknown>, RegExp][] = [
    ['a malformed account', { ...valid, account: '1234' }, /account: a 12-digit AWS account id/],
    ['a malformed region', { ...valid, region: 'Frankfurt' }, /region/],
    ['a public URL over http', { ...valid, publicUrl: 'http://example.nl' }, /publicUrl: an https:\/\/ URL/],
    [
      'a certificate outside us-east-1',
      { ...valid, customDomain: { name: 'example.nl', certificateArn: 'arn:aws:acm:eu-central-1:123456789012:certificate/abc' } },
      /customDomain.certificateArn: an ACM certificate ARN in us-east-1/,
    ],
    ['an upper-case host name', { ...valid, customDomain: { name: 'Example.NL', certificateArn: 'x' } }, /customDomain.name/],
    ['a sender outside the SES identity', { ...valid, ses: { ...valid.ses, fromAddress: 'noreply@elders.nl' } }, /ses.fromAddress: the sender noreply@elders.nl does not belong/],
    ['a sender that is not an address', { ...valid, ses: { ...valid.ses, fromAddress: 'Monitor AOJ' } }, /ses.fromAddress: an email address/],
    ['a bad configuration set name', { ...valid, ses: { ...valid.ses, configurationSetName: 'has spaces' } }, /ses.configurationSetName/],
    ['a log retention CloudWatch does not offer', { ...valid, logRetentionDays: 42 }, /logRetentionDays: one of the CloudWatch retention periods/],
    ['a negative rate limit', { ...valid, apiThrottle: { rateLimit: -1, burstLimit: 1 } }, /apiThrottle.rateLimit/],
    ['a fractional burst', { ...valid, apiThrottle: { rateLimit: 1, burstLimit: 1.5 } }, /apiThrottle.burstLimit/],
    ['a missing retainData', { ...valid, retainData: undefined }, /retainData/],
    ['a misspelt key', { ...valid, retainDate: true }, /retainDate/],
    ['a bad alarm address', { ...valid, alarmEmail: 'ops' }, /alarmEmail/],
  ];
  it.each(invalid)('rejects %s with a readable message', (_label, input, message) => {
    expect(() => parseSettings(input, 'settings')).toThrow(/^Invalid settings in infra\/environments.ts:\n {2}- /);
    expect(() => parseSettings(input, 'settings')).toThrow(message);
  });

  it('requires an alarm address and WAF in a production environment', () => {
    expect(parseSettings(valid, 'settings').waf).toBe(false);
    expect(() => parseSettings(valid, 'settings', { production: true })).toThrow(/alarmEmail: required in a production environment/);
    expect(() => parseSettings({ ...valid, alarmEmail: 'ops@example.nl' }, 'settings', { production: true })).toThrow(/waf: must be true/);
    expect(() => parseSettings({ ...valid, alarmEmail: 'ops@example.nl', waf: true }, 'settings', { production: true })).not.toThrow();
    expect(PRODUCTION_ENVIRONMENTS).toContain('prod');
    for (const name of PRODUCTION_ENVIRONMENTS) {
      expect(loadSettings(name, {}).alarmEmail, name).toBeDefined();
      expect(loadSettings(name, {}).waf, name).toBe(true);
      const { alarmEmail: _, ...withoutAlarmEmail } = ENVIRONMENTS[name as keyof typeof ENVIRONMENTS] as SettingsInput;
      expect(() => parseSettings(withoutAlarmEmail, name, { production: true })).toThrow(/alarmEmail/);
    }
  });

  it('every record in the file passes the schema', () => {
    for (const [name, record] of Object.entries(ENVIRONMENTS)) expect(() => parseSettings(record, name)).not.toThrow();
  });
});

describe('cdk app entry', () => {
  const runApp = (context: Record<string, string>) => {
    try {
      execFileSync(process.execPath, ['--import', 'tsx', 'infra/app.ts'], {
        cwd: REPO_ROOT,
        env: { ...process.env, CDK_CONTEXT_JSON: JSON.stringify(context) },
        stdio: 'pipe',
        encoding: 'utf8',
      });
      return { code: 0, stderr: '' };
    } catch (error) {
      const e = error as { status: number; stderr: string };
      return { code: e.status, stderr: e.stderr };
    }
  };

  it('requires -c env and lists the valid names', () => {
    const result = runApp({});
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Pass -c env=<name>, one of: test, prod');
  });

  it('rejects an unknown environment', () => {
    const result = runApp({ env: 'staging' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Unknown environment "staging"');
  });
});
