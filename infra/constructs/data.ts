import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { TABLE_KEYS } from '../../shared/store/table.ts';

export interface DataProps {
  /** Deletion protection on (production). The table itself is always kept on stack deletion. */
  readonly retainData: boolean;
}

/** The single DynamoDB table (keys, TTL and GSI from shared/store/table.ts). */
export class Data extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string, props: DataProps) {
    super(scope, id);
    const { partitionKey, sortKey, ttlAttribute, queueIndex } = TABLE_KEYS;
    this.table = new Table(this, 'Table', {
      partitionKey: { name: partitionKey, type: AttributeType.STRING },
      sortKey: { name: sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: ttlAttribute,
      encryption: TableEncryption.AWS_MANAGED,
      deletionProtection: props.retainData,
      // Submissions are never dropped by a stack deletion, in any environment: delete by hand if meant.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: queueIndex.name,
      partitionKey: { name: queueIndex.partitionKey, type: AttributeType.STRING },
      sortKey: { name: queueIndex.sortKey, type: AttributeType.STRING },
      projectionType: ProjectionType.ALL,
    });
  }
}
