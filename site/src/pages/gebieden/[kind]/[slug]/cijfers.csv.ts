// The figures of one area as a CSV file for Excel (UTF-8 with BOM, ';', decimal comma).
import type { APIRoute } from 'astro';
import { regionalView } from '../../../../components/snapshot.ts';
import { areaCsv } from '../../../../../../shared/regional/csv.ts';

export function getStaticPaths() {
  return regionalView().snapshot.areas.map((area) => ({ params: { kind: area.kind, slug: area.slug }, props: { code: area.code } }));
}

export const GET: APIRoute = ({ props }) => {
  const view = regionalView();
  const area = view.areas.get((props as { code: string }).code)!;
  return new Response(areaCsv(view, area), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
