import { GetObjectCommand, HeadObjectCommand, NoSuchKey, NotFound, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';

/** The PDF reports in their private bucket: one object per region and round, tagged with the results hash. */
export interface ReportsBucket {
  s3: S3Client;
  bucket: string;
}

const reportKey = (regionId: string, roundId: string) => `reports/${regionId}/${roundId}.pdf`;

/** The results hash the stored report was made from, or undefined when there is none. */
export async function reportHash(reports: ReportsBucket, regionId: string, roundId: string): Promise<string | undefined> {
  try {
    const head = await reports.s3.send(new HeadObjectCommand({ Bucket: reports.bucket, Key: reportKey(regionId, roundId) }));
    return head.Metadata?.['results-hash'];
  } catch (error) {
    if (error instanceof NotFound || error instanceof NoSuchKey || (error as { name?: string }).name === 'NotFound') return undefined;
    throw error;
  }
}

export async function putReport(reports: ReportsBucket, regionId: string, roundId: string, pdf: Buffer, resultsHash: string): Promise<void> {
  await reports.s3.send(
    new PutObjectCommand({
      Bucket: reports.bucket,
      Key: reportKey(regionId, roundId),
      Body: pdf,
      ContentType: 'application/pdf',
      Metadata: { 'results-hash': resultsHash },
    }),
  );
}

export async function getReport(reports: ReportsBucket, regionId: string, roundId: string): Promise<Buffer | undefined> {
  try {
    const out = await reports.s3.send(new GetObjectCommand({ Bucket: reports.bucket, Key: reportKey(regionId, roundId) }));
    return Buffer.from(await out.Body!.transformToByteArray());
  } catch (error) {
    if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return undefined;
    throw error;
  }
}
