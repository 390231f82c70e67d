import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { FUNCTIONS, JOBS, type FunctionDefinition, type FunctionName } from '../../shared/routes.ts';
import type { Settings } from '../environments.ts';
import type { Alarms } from './alarms.ts';
import type { Functions } from './functions.ts';

/** How long a failed run keeps being retried before it goes to the dead-letter queue. */
const MAX_EVENT_AGE = Duration.hours(1);

export interface JobsProps {
  readonly functions: Functions;
  readonly settings: Settings;
  readonly alarms: Alarms;
}

/**
 * The scheduled jobs (functions with a `schedule` in shared/routes.ts). A run that EventBridge cannot
 * deliver, or that still fails after Lambda's retries, lands in the job's dead-letter queue (kept 14
 * days) and raises an alarm, instead of being dropped silently.
 */
export class Jobs extends Construct {
  readonly deadLetterQueues = new Map<FunctionName, Queue>();

  constructor(scope: Construct, id: string, props: JobsProps) {
    super(scope, id);
    for (const name of JOBS) {
      const def: FunctionDefinition = FUNCTIONS[name];
      const fn = props.functions.get(name);
      const dlq = new Queue(this, `${name}DeadLetters`, {
        retentionPeriod: Duration.days(14),
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        removalPolicy: props.settings.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      });
      // Delivery failures (EventBridge → Lambda).
      new Rule(this, `${name}Schedule`, {
        description: `Monitor AOJ job ${name}: ${def.description}`,
        schedule: Schedule.expression(def.schedule!),
        targets: [new LambdaFunction(fn, { deadLetterQueue: dlq, retryAttempts: 2, maxEventAge: MAX_EVENT_AGE })],
      });
      // Run failures (the function threw on every attempt).
      fn.configureAsyncInvoke({ onFailure: new SqsDestination(dlq), retryAttempts: 2, maxEventAge: MAX_EVENT_AGE });
      props.alarms.onDeadLetters(name, dlq);
      this.deadLetterQueues.set(name, dlq);
    }
  }
}
