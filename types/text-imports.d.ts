// Reference data files are bundled as text: esbuild's `text` loader (Lambda bundles, local start)
// and tools/text-import-plugin.ts (Vitest, Astro) both implement this.
declare module '*.csv' {
  const text: string;
  export default text;
}
