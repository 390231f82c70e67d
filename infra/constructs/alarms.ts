import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DEAD_MAIL_METRIC, METRIC_NAMESPACE, SERVICE_NAME } from '../../shared/mail/events.ts';

/**
 * Alarms. Every alarm notifies one SNS topic (its alarm action); the environment's `alarmEmail`
 * (required in production) subscribes to it, and further subscribers (a chat tool, a pager) can be
 * added to the topic without touching the alarms.
 */
export class Alarms extends Construct {
  readonly topic: Topic;
  private readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: { alarmEmail?: string | undefined }) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', { displayName: 'Monitor AOJ alarms', enforceSSL: true });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
  }

  /** Every alarm made here (each notifies the topic). */
  get all(): readonly Alarm[] {
    return this.alarms;
  }

  /** Any message in a dead-letter queue needs a person to look at it. */
  onDeadLetters(name: string, queue: IQueue): Alarm {
    return this.notify(
      new Alarm(this, `${name}DeadLetters`, {
        alarmDescription: `Job ${name} failed: a message is waiting in its dead-letter queue (see docs/deploy.md).`,
        metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
        threshold: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
  }

  /** A handler that throws is a bug (user errors are 4xx responses, not errors). */
  onErrors(name: string, fn: IFunction): Alarm {
    return this.notify(
      new Alarm(this, `${name}Errors`, {
        alarmDescription: `Function ${name} threw errors (see its log group).`,
        metric: fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
        threshold: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
  }

  /**
   * An email the outbox gave up on stays in the table (status dead, queue MAIL#dead); the outbox then
   * counts it in the DeadMail metric (Powertools Metrics, EMF), so a person hears about it.
   */
  onDeadMail(): Alarm {
    return this.notify(
      new Alarm(this, 'DeadMail', {
        alarmDescription: 'The mail sender gave up on an email after its last attempt (see docs/deploy.md, "Dead mail").',
        metric: new Metric({
          namespace: METRIC_NAMESPACE,
          metricName: DEAD_MAIL_METRIC,
          dimensionsMap: { service: SERVICE_NAME },
          period: Duration.minutes(5),
          statistic: 'Sum',
        }),
        threshold: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
  }

  private notify(alarm: Alarm): Alarm {
    alarm.addAlarmAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
    return alarm;
  }
}
