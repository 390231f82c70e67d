import type { Feature, Geometry, MultiLineString, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { esc } from '../web/html.ts';
import { CHART_WIDTH, COLOURS } from './charts.ts';

/**
 * Choropleth of the gemeenten. Boundaries: CBS/PDOK via cartomap/nl (WGS84 TopoJSON, data/areas).
 * Projection: equirectangular with x scaled by cos(52°), good enough for a country this small.
 * Paths are rounded to 0.1 unit and points closer than 0.5 unit to the previous one are dropped.
 */

const COS52 = Math.cos((52 * Math.PI) / 180);
export const MAP_WIDTH = 400;

export interface MapShape {
  code: string;
  name: string;
  /** SVG path data in map units. */
  d: string;
}

export interface MapShapes {
  width: number;
  height: number;
  gemeenten: readonly MapShape[];
  /** Province borders as one path (may be empty). */
  provincieBorders: string;
}

function projector(bounds: [number, number, number, number], width: number) {
  const [minLon, minLat, maxLon, maxLat] = bounds;
  const scale = width / ((maxLon - minLon) * COS52);
  return {
    height: Math.ceil((maxLat - minLat) * scale),
    project: ([lon, lat]: Position): [number, number] => [((lon ?? 0) - minLon) * COS52 * scale, (maxLat - (lat ?? 0)) * scale],
  };
}

function ringPath(ring: readonly Position[], project: (p: Position) => [number, number], close: boolean): string {
  const out: string[] = [];
  let last: [number, number] | undefined;
  ring.forEach((p, i) => {
    const [x, y] = project(p);
    const isLast = i === ring.length - 1;
    if (last && !isLast && Math.hypot(x - last[0], y - last[1]) < 0.5) return;
    const rx = Math.round(x * 10) / 10;
    const ry = Math.round(y * 10) / 10;
    out.push(`${out.length === 0 ? 'M' : 'L'}${rx} ${ry}`);
    last = [x, y];
  });
  if (out.length < (close ? 3 : 2)) return '';
  return out.join('') + (close ? 'Z' : '');
}

function geometryPath(geometry: Geometry, project: (p: Position) => [number, number]): string {
  switch (geometry.type) {
    case 'Polygon':
      return geometry.coordinates.map((r) => ringPath(r, project, true)).join('');
    case 'MultiPolygon':
      return geometry.coordinates.flatMap((poly) => poly.map((r) => ringPath(r, project, true))).join('');
    case 'LineString':
      return ringPath(geometry.coordinates, project, false);
    case 'MultiLineString':
      return geometry.coordinates.map((l) => ringPath(l, project, false)).join('');
    default:
      return '';
  }
}

function boundsOf(features: readonly Feature[]): [number, number, number, number] {
  let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity;
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [lon, lat] = c as number[];
      minLon = Math.min(minLon, lon!); maxLon = Math.max(maxLon, lon!);
      minLat = Math.min(minLat, lat!); maxLat = Math.max(maxLat, lat!);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  for (const f of features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  return [minLon, minLat, maxLon, maxLat];
}

/** Projects the gemeente (and optional provincie) topologies once; the result is reused by every map page. */
export function prepareMapShapes(gemeenteTopology: Topology, provincieTopology?: Topology, width = MAP_WIDTH): MapShapes {
  const objectName = Object.keys(gemeenteTopology.objects)[0]!;
  const collection = feature(gemeenteTopology, gemeenteTopology.objects[objectName] as GeometryCollection);
  const features = collection.features as Feature<Geometry, { statcode?: string; statnaam?: string }>[];
  const { height, project } = projector(boundsOf(features), width);
  const gemeenten = features
    .map((f) => ({ code: String(f.properties?.statcode ?? ''), name: String(f.properties?.statnaam ?? ''), d: f.geometry ? geometryPath(f.geometry, project) : '' }))
    .filter((s) => s.code && s.d);
  let provincieBorders = '';
  if (provincieTopology) {
    const name = Object.keys(provincieTopology.objects)[0]!;
    const borders: MultiLineString = mesh(provincieTopology, provincieTopology.objects[name] as GeometryCollection);
    provincieBorders = geometryPath(borders, project);
  }
  return { width, height, gemeenten, provincieBorders };
}

/** Five sequential classes, light to dark (each step distinguishable in greyscale). */
export const CLASS_COLOURS = ['#e0eff3', '#a6d1dd', '#5fa3b8', '#1c7089', '#062c38'] as const;

export interface MapClass {
  /** 1..5 */
  index: number;
  from: number;
  to: number;
  count: number;
  colour: string;
}

/** Quantile classes (at most 5; fewer when values repeat); lower bound inclusive, upper inclusive for the last. */
export function quantileClasses(values: readonly number[], count = 5): MapClass[] {
  const sorted = [...values].filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const cuts: number[] = [sorted[0]!];
  for (let i = 1; i < count; i++) {
    const q = sorted[Math.floor((i * sorted.length) / count)]!;
    if (q > cuts.at(-1)!) cuts.push(q);
  }
  const maxValue = sorted.at(-1)!;
  const classes: MapClass[] = cuts.map((from, i) => ({ index: i + 1, from, to: cuts[i + 1] ?? maxValue, count: 0, colour: '' }));
  const offset = count - classes.length;
  classes.forEach((c, i) => (c.colour = CLASS_COLOURS[Math.min(CLASS_COLOURS.length - 1, i + offset)]!));
  for (const v of sorted) classes[classOfIndex(classes, v)]!.count++;
  return classes;
}

function classOfIndex(classes: readonly MapClass[], value: number): number {
  for (let i = classes.length - 1; i >= 0; i--) if (value >= classes[i]!.from) return i;
  return 0;
}

export function classOf(classes: readonly MapClass[], value: number): MapClass | undefined {
  return classes.length === 0 ? undefined : classes[classOfIndex(classes, value)];
}

/** The map SVG: gemeenten filled by class, hatched where there is no number, province borders on top. */
export function choroplethSvg(options: {
  id: string;
  title: string;
  description: string;
  shapes: MapShapes;
  classes: readonly MapClass[];
  valueOf: (code: string) => { value?: number; text: string };
}): string {
  const { shapes, id } = options;
  const parts: string[] = [
    `<svg class="maoj-chart maoj-map" viewBox="0 0 ${shapes.width} ${shapes.height}" role="img" aria-labelledby="${id}-t ${id}-d" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${id}-t">${esc(options.title)}</title><desc id="${id}-d">${esc(options.description)}</desc>`,
    `<defs><pattern id="${id}-geen" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#5f6b78" stroke-width="1.5"/></pattern></defs>`,
    `<g stroke="#ffffff" stroke-width="0.4" stroke-linejoin="round">`,
  ];
  for (const shape of shapes.gemeenten) {
    const v = options.valueOf(shape.code);
    const cls = v.value !== undefined ? classOf(options.classes, v.value) : undefined;
    const fill = cls ? cls.colour : `url(#${id}-geen)`;
    parts.push(`<path d="${shape.d}" fill="${fill}"><title>${esc(`${shape.name}: ${v.text}`)}</title></path>`);
  }
  parts.push('</g>');
  if (shapes.provincieBorders) parts.push(`<path d="${shapes.provincieBorders}" fill="none" stroke="${COLOURS.text}" stroke-width="0.9" stroke-linejoin="round"/>`);
  parts.push('</svg>');
  return parts.join('');
}

/** The legend as a small SVG of swatches (the words are in the list next to it). */
export function legendSwatch(colour: string | 'geen', id: string): string {
  const fill = colour === 'geen' ? `url(#${id}-geen-l)` : colour;
  const defs = colour === 'geen'
    ? `<defs><pattern id="${id}-geen-l" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#5f6b78" stroke-width="1.5"/></pattern></defs>`
    : '';
  return `<svg class="maoj-swatch" viewBox="0 0 24 16" width="24" height="16" aria-hidden="true" focusable="false">${defs}<rect x="0.5" y="0.5" width="23" height="15" fill="${fill}" stroke="${COLOURS.text}"/></svg>`;
}

export { CHART_WIDTH };
