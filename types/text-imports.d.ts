// Reference data files are bundled as text: esbuild's `text` loader (Lambda bundles, local start)
// and tools/text-import-plugin.ts (Vitest, Astro) both implement this.
declare module '*.csv' {
  const text: string;
  export default text;
}

// Fonts for the PDF report travel inside the bundle as bytes (esbuild's `binary` loader).
declare module '*.woff' {
  const bytes: Uint8Array;
  export default bytes;
}
