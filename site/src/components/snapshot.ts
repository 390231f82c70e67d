// Build-time access to the published figures: site/.data/snapshot.json (written by scripts/build-site.ts)
// is read once with fs, not imported through Vite, and the indexes and map shapes are built once for
// all pages.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Topology } from 'topojson-specification';
import { defaultAreaSet } from '../../../shared/areas/default-areas.ts';
import type { PublishedSnapshot } from '../../../shared/imports/snapshot.ts';
import { buildRegionalView, type RegionalView } from '../../../shared/regional/view.ts';
import { prepareMapShapes, type MapShapes } from '../../../shared/regional/map.ts';

function repoFile(relative: string): string {
  for (const base of [process.cwd(), path.resolve(process.cwd(), '..')]) {
    const full = path.resolve(base, relative);
    if (existsSync(full)) return full;
  }
  throw new Error(`${relative} not found: run "npm run build:site", which writes it before the Astro build`);
}

let view: RegionalView | undefined;
let shapes: MapShapes | undefined;

export function regionalView(): RegionalView {
  if (!view) {
    const snapshot = JSON.parse(readFileSync(repoFile('site/.data/snapshot.json'), 'utf8')) as PublishedSnapshot;
    const dissolved = new Map([...defaultAreaSet().dissolved.values()].map((d) => [d.code, d.name]));
    view = buildRegionalView(snapshot, dissolved);
  }
  return view;
}

export function mapShapes(): MapShapes {
  if (!shapes) {
    const read = (file: string) => JSON.parse(readFileSync(repoFile(file), 'utf8')) as Topology;
    shapes = prepareMapShapes(read('data/areas/gemeente_2025.topojson'), read('data/areas/provincie_2025.topojson'));
  }
  return shapes;
}
