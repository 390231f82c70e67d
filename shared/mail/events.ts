/**
 * Log messages that operations depend on: the CDK stack turns this one into a CloudWatch metric
 * and alarm, so it is defined once here (and this module imports nothing, so infra can use it).
 */
export const DEAD_MAIL_MESSAGE = 'mail gave up (dead letter)';
export const METRIC_NAMESPACE = 'MonitorAoj';
