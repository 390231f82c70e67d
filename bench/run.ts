/**
 * `npm run bench [-- regioscan|import|benchmark|load]`: runs the named benchmark; without a name, the quick
 * ones (regioscan, import). `benchmark` (the aggregation job over 100,000 responses, several minutes)
 * runs only on request: `npm run bench -- benchmark [--responses N]`; so does `load` (the Regioscan
 * submit path at 50 concurrent next to a floor, stage costs and the AWS cost estimate, about 3 minutes):
 * `npm run bench -- load [--seconds 20] [--concurrency 50]`; so does `lighthouse` (Lighthouse, mobile
 * preset, on six pages of the built site behind the local gateway, about 2 minutes).
 */
const which = process.argv[2];
const quick = ['regioscan', 'import'];
const all = [...quick, 'benchmark', 'load', 'lighthouse'];
for (const name of which ? [which] : quick) {
  if (!all.includes(name)) {
    console.error(`Unknown benchmark ${name}; choose one of ${all.join(', ')}`);
    process.exit(2);
  }
  console.log(`\n=== bench: ${name}`);
  await import(`./${name}.ts`);
}
