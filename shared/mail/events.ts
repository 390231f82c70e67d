/**
 * Names that operations depend on: the CDK stack alarms on the dead-mail metric, so its namespace,
 * name and dimension are defined once here (and this module imports nothing, so infra can use it).
 */
export const DEAD_MAIL_MESSAGE = 'mail gave up (dead letter)';
export const METRIC_NAMESPACE = 'MonitorAoj';
/** Count metric (EMF, through Powertools Metrics) emitted once for every email the outbox gives up. */
export const DEAD_MAIL_METRIC = 'DeadMail';
/** The `service` of every log line and the one dimension of every metric. */
export const SERVICE_NAME = 'monitor-aoj';
