import { S3Client } from '@aws-sdk/client-s3';

let s3: S3Client | undefined;

/**
 * One S3 client per container. Checksums only when required: S3 itself does not need more, and the
 * local s3rver stores streamed bodies with their chunk framing otherwise (see DESIGN.md).
 */
export function s3Client(): S3Client {
  s3 ??= new S3Client({ requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
  return s3;
}
