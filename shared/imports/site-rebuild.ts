import { CodeBuildClient, StartBuildCommand } from '@aws-sdk/client-codebuild';
import type { RuntimeConfig } from '../config/runtime.ts';
import { log } from '../log.ts';

/**
 * The static site shows the live snapshot, so a new snapshot means a new build. In AWS a CodeBuild
 * project builds and uploads the site; locally `npm start` rebuilds it itself after the import.
 */
export async function requestSiteRebuild(config: RuntimeConfig, snapshotId: string): Promise<void> {
  if (!config.SITE_BUILD_PROJECT) return;
  const client = new CodeBuildClient({});
  await client.send(
    new StartBuildCommand({
      projectName: config.SITE_BUILD_PROJECT,
      environmentVariablesOverride: [{ name: 'SNAPSHOT_ID', value: snapshotId, type: 'PLAINTEXT' }],
    }),
  );
  log('info', 'site rebuild requested', { snapshotId });
}
