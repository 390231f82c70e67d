/**
 * Regional pages (cijfers per gebied, kaarten) as pure functions over a published snapshot, shared by
 * the static site (Astro) and the API (vergelijk met, zoeken).
 */
export { buildRegionalView, areaPath, areaCsvPath, mapPath, AREA_KIND_ORDER, type RegionalView } from './view.ts';
export { renderAreaPage, comparisonForm, areaTitle, aggregationText, NO_FIGURES_YET, type RenderedPage } from './area-page.ts';
export { defaultComparisons, resolveComparisons, similarAreas, comparisonMethodText, MAX_COMPARISONS, type Comparison } from './compare.ts';
export { areaCsv, areaCsvFileName, CSV_HEADER, BOM } from './csv.ts';
export { renderAreasIndex, searchForm, SEARCH_LABEL } from './index-page.ts';
export { renderMapIndex, renderMapPage, mapIndicators } from './map-page.ts';
export { prepareMapShapes, quantileClasses, choroplethSvg, type MapShapes, type MapClass } from './map.ts';
export { barChart, lineChart, niceStep, type BarDatum, type LineSeries } from './charts.ts';
export { formatValue, formatValueWithUnit, formatDecimal, csvNumber, figureText, explainState, STATE_WORDS, KIND_LABELS, periodText } from './format.ts';
