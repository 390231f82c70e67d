import { ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { PREFIXES } from '../../shared/imports/run.ts';
import { seedFiles } from '../../shared/imports/seed.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './emulators.ts';
import { LOCAL_BUCKETS } from './settings.ts';

export function localS3(endpoint: string): S3Client {
  return new S3Client({
    endpoint,
    region: LOCAL_REGION,
    forcePathStyle: true,
    credentials: LOCAL_CREDENTIALS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** Puts the real source files under incoming/ once: only into a bucket that never had an import. */
export async function seedImportsBucketOnce(endpoint: string): Promise<number> {
  const s3 = localS3(endpoint);
  try {
    const existing = await s3.send(new ListObjectsV2Command({ Bucket: LOCAL_BUCKETS.imports, MaxKeys: 1 }));
    if ((existing.KeyCount ?? 0) > 0) return 0;
    const files = seedFiles();
    for (const file of files) {
      await s3.send(new PutObjectCommand({ Bucket: LOCAL_BUCKETS.imports, Key: `${PREFIXES.incoming}${file.fileName}`, Body: file.bytes }));
    }
    return files.length;
  } finally {
    s3.destroy();
  }
}
