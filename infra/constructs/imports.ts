import { Duration } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Bucket, EventType } from 'aws-cdk-lib/aws-s3';
import { privateBucketProps } from './private-bucket.ts';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Construct } from 'constructs';
import { PREFIXES } from '../../shared/imports/prefixes.ts';


/** Quarantined files and their `.errors.json` reports are kept this long (then removed). */
export const QUARANTINE_RETENTION = Duration.days(180);
/** Overwritten or deleted objects (e.g. processed files under incoming/) stay restorable this long. */
export const NONCURRENT_RETENTION = Duration.days(90);

export interface ImportsProps {
  /** Keep the bucket (and its files) on stack deletion. */
  readonly retainData: boolean;
}

/**
 * The imports bucket (shared/imports/run.ts): operators drop indicator and area files under
 * `incoming/`; the import moves them to `accepted/<sha>/` or `quarantine/<date>/` (with an
 * `.errors.json` report) and writes each snapshot to `published/<snapshotId>.json`. accepted/ and
 * published/ are the history of every figure ever shown: they never expire. Private, TLS only,
 * versioned, so a mistaken overwrite or delete can be undone for NONCURRENT_RETENTION.
 */
export class Imports extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: ImportsProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      ...privateBucketProps(props.retainData),
      lifecycleRules: [
        { id: 'expire-quarantine', prefix: PREFIXES.quarantine, expiration: QUARANTINE_RETENTION },
        {
          id: 'expire-old-versions',
          noncurrentVersionExpiration: NONCURRENT_RETENTION,
          expiredObjectDeleteMarker: true,
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
    });
  }

  /** Every upload under incoming/ starts the import at once (besides its nightly run). */
  notifyOnUpload(fn: IFunction): void {
    this.bucket.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(fn), { prefix: PREFIXES.incoming });
  }
}
