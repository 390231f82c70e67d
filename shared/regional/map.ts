import type { Feature, Geometry, MultiLineString, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { esc } from '../web/html.ts';
import { CHART_WIDTH, COLOURS } from './charts.ts';

/**
 * Choropleth of the gemeenten. Boundaries: CBS/PDOK via cartomap/nl (WGS84 TopoJSON, data/areas).
 * Projection: equirectangular with x scaled by cos(52°), good enough for a country this small.
 * Paths are on a grid of 1 unit in a 600-unit wide map, relative and without per-path titles: the
 * names and values are in the list next to the map, every gemeente is a link to its page.
 */

const COS52 = Math.cos((52 * Math.PI) / 180);
export const MAP_WIDTH = 600;

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

/**
 * One ring as compact SVG path data: points on a grid of 1 map unit (about 1.4 px at full width), the
 * first absolute and the rest relative ("l" once, then pairs), points closer than `MIN_STEP` units to
 * the previous kept point dropped. Small enough for a 342-gemeente map on a page under 90 KB.
 */
const MIN_STEP = 0.5;
function ringPath(ring: readonly Position[], project: (p: Position) => [number, number], close: boolean): string {
  const points: [number, number][] = [];
  let last: [number, number] | undefined;
  ring.forEach((p, i) => {
    const [x, y] = project(p);
    const isLast = i === ring.length - 1;
    if (last && !isLast && Math.hypot(x - last[0], y - last[1]) < MIN_STEP) return;
    last = [x, y];
    const q: [number, number] = [Math.round(x), Math.round(y)];
    const prev = points.at(-1);
    if (prev && prev[0] === q[0] && prev[1] === q[1]) return;
    points.push(q);
  });
  if (close && points.length > 1) {
    const [fx, fy] = points[0]!;
    const [lx, ly] = points.at(-1)!;
    if (fx === lx && fy === ly) points.pop();
  }
  if (points.length < (close ? 3 : 2)) return '';
  const num = (n: number, first: boolean) => (n < 0 || first ? String(n) : ` ${n}`);
  let d = `M${points[0]![0]} ${points[0]![1]}l`;
  for (let i = 1; i < points.length; i++) {
    const dx = points[i]![0] - points[i - 1]![0];
    const dy = points[i]![1] - points[i - 1]![1];
    d += num(dx, i === 1) + num(dy, false);
  }
  return d + (close ? 'z' : '');
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

/** Douglas-Peucker: the indexes of the points to keep so that no point is more than epsilon off. */
function simplifyLine(points: readonly [number, number][], epsilon: number): number[] {
  const n = points.length;
  if (n <= 2) return points.map((_, i) => i);
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const stack: [number, number][] = [[0, n - 1]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = points[a]!;
    const [bx, by] = points[b]!;
    const dx = bx - ax;
    const dy = by - ay;
    const length = Math.hypot(dx, dy);
    let worst = -1;
    let index = -1;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = points[i]!;
      const distance = length === 0 ? Math.hypot(px - ax, py - ay) : Math.abs(dy * px - dx * py + bx * ay - by * ax) / length;
      if (distance > worst) {
        worst = distance;
        index = i;
      }
    }
    if (worst > epsilon && index > 0) {
      keep[index] = 1;
      stack.push([a, index], [index, b]);
    }
  }
  const out: number[] = [];
  keep.forEach((k, i) => k && out.push(i));
  return out;
}

/**
 * Simplifies a topology on its shared arcs (so neighbouring gemeenten keep exactly the same border, no
 * gaps or overlaps): arcs are decoded, projected, simplified with Douglas-Peucker and written back in
 * lon/lat without the quantization transform. A closed arc keeps at least 4 points.
 */
export function simplifyTopology(topology: Topology, project: (p: Position) => [number, number], epsilon: number): Topology {
  const t = topology.transform;
  const arcs = topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    const absolute: Position[] = arc.map((p) => {
      if (!t) return p;
      x += p[0]!;
      y += p[1]!;
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]];
    });
    const kept = simplifyLine(absolute.map(project), epsilon);
    const closed = absolute.length > 3 && absolute[0]![0] === absolute.at(-1)![0] && absolute[0]![1] === absolute.at(-1)![1];
    if (closed && kept.length < 4) {
      const step = Math.max(1, Math.floor((absolute.length - 1) / 3));
      return [absolute[0]!, absolute[step]!, absolute[Math.min(2 * step, absolute.length - 2)]!, absolute.at(-1)!];
    }
    return kept.map((i) => absolute[i]!);
  });
  const { transform: _transform, ...rest } = topology;
  return { ...rest, arcs } as Topology;
}

/** How far (in map units, 600 to the width of the map) a simplified border may lie from the real one. */
const SIMPLIFY_EPSILON = 1.5;

/** Projects the gemeente (and optional provincie) topologies once; the result is reused by every map page. */
export function prepareMapShapes(gemeenteTopology: Topology, provincieTopology?: Topology, width = MAP_WIDTH): MapShapes {
  const objectName = Object.keys(gemeenteTopology.objects)[0]!;
  const original = feature(gemeenteTopology, gemeenteTopology.objects[objectName] as GeometryCollection);
  const { height, project } = projector(boundsOf(original.features as Feature[]), width);
  const simplified = simplifyTopology(gemeenteTopology, project, SIMPLIFY_EPSILON);
  const collection = feature(simplified, simplified.objects[objectName] as GeometryCollection);
  const features = collection.features as Feature<Geometry, { statcode?: string; statnaam?: string }>[];
  const gemeenten = features
    .map((f) => ({ code: String(f.properties?.statcode ?? ''), name: String(f.properties?.statnaam ?? ''), d: f.geometry ? geometryPath(f.geometry, project) : '' }))
    .filter((s) => s.code && s.d);
  let provincieBorders = '';
  if (provincieTopology) {
    const name = Object.keys(provincieTopology.objects)[0]!;
    const topology = simplifyTopology(provincieTopology, project, SIMPLIFY_EPSILON);
    const borders: MultiLineString = mesh(topology, topology.objects[name] as GeometryCollection);
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

/**
 * The map SVG: gemeenten filled by class, hatched where there is no number, province borders on top.
 * Every gemeente is a link to its page (`hrefOf`) for mouse and touch. For keyboard and screen reader
 * the same links and values are in the list next to the map, so the drawing itself is hidden from
 * assistive technology and its links are not tab stops (342 of them would bury the list).
 */
export function choroplethSvg(options: {
  id: string;
  shapes: MapShapes;
  classes: readonly MapClass[];
  valueOf: (code: string) => { value?: number; text: string };
  hrefOf: (code: string) => string | undefined;
}): string {
  const { shapes, id } = options;
  const parts: string[] = [
    `<svg class="maoj-chart maoj-map" viewBox="0 0 ${shapes.width} ${shapes.height}" aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg">`,
    `<defs><pattern id="${id}-geen" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="8" stroke="#5f6b78" stroke-width="2"/></pattern></defs>`,
    `<g stroke="#ffffff" stroke-width="0.6" stroke-linejoin="round">`,
  ];
  // One group per fill, so that a path does not repeat its colour.
  const byFill = new Map<string, string[]>();
  for (const shape of shapes.gemeenten) {
    const v = options.valueOf(shape.code);
    const cls = v.value !== undefined ? classOf(options.classes, v.value) : undefined;
    const fill = cls ? cls.colour : `url(#${id}-geen)`;
    const path = `<path d="${shape.d}"/>`;
    const href = options.hrefOf(shape.code);
    let list = byFill.get(fill);
    if (!list) byFill.set(fill, (list = []));
    list.push(href ? `<a href="${href}" tabindex="-1">${path}</a>` : path);
  }
  for (const [fill, list] of byFill) parts.push(`<g fill="${fill}">${list.join('')}</g>`);
  parts.push('</g>');
  if (shapes.provincieBorders) parts.push(`<path d="${shapes.provincieBorders}" fill="none" stroke="${COLOURS.text}" stroke-width="1.3" stroke-linejoin="round" pointer-events="none"/>`);
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
