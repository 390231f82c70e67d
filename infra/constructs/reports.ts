import { Duration } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { privateBucketProps } from './private-bucket.ts';

export interface ReportsProps {
  /** Keep the bucket (and its reports) on stack deletion. */
  readonly retainData: boolean;
}

/**
 * The regions' PDF reports ("handzaam rapport"), written by the benchmark job and served only through
 * a region's private results link. Private, TLS only, versioned like every bucket of the project.
 */
export class Reports extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: ReportsProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      ...privateBucketProps(props.retainData),
      lifecycleRules: [{ id: 'expire-old-versions', noncurrentVersionExpiration: Duration.days(30), abortIncompleteMultipartUploadAfter: Duration.days(1) }],
    });
  }
}
