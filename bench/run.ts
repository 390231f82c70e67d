/**
 * `npm run bench [-- regioscan|import|benchmark]`: runs the named benchmark; without a name, the quick
 * ones (regioscan, import). `benchmark` (the aggregation job over 100,000 responses, several minutes)
 * runs only on request: `npm run bench -- benchmark [--responses N]`.
 */
const which = process.argv[2];
const quick = ['regioscan', 'import'];
const all = [...quick, 'benchmark'];
for (const name of which ? [which] : quick) {
  if (!all.includes(name)) {
    console.error(`Unknown benchmark ${name}; choose one of ${all.join(', ')}`);
    process.exit(2);
  }
  console.log(`\n=== bench: ${name}`);
  await import(`./${name}.ts`);
}
