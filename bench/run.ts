/** `npm run bench [-- regioscan|import]`: runs the named benchmark, or all of them. */
const which = process.argv[2];
const all = ['regioscan', 'import'];
for (const name of which ? [which] : all) {
  if (!all.includes(name)) {
    console.error(`Unknown benchmark ${name}; choose one of ${all.join(', ')}`);
    process.exit(2);
  }
  console.log(`\n=== bench: ${name}`);
  await import(`./${name}.ts`);
}
