import { runAdmin } from './admin/run.ts';

/** Entry of `npm run admin -- <command>`: see `npm run admin -- --help`. */
const code = await runAdmin(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
process.exitCode = code;
