/**
 * Key prefixes of the imports bucket. This module imports nothing, so the CDK app can use it too.
 * incoming/: operators drop files; accepted/<sha>/: accepted source files; quarantine/<date>/:
 * rejected files with their .errors.json report; published/<snapshotId>.json: compiled snapshots.
 */
export const PREFIXES = {
  incoming: 'incoming/',
  accepted: 'accepted/',
  quarantine: 'quarantine/',
  published: 'published/',
} as const;
