export { type DocxOptions, renderProfileDocx } from './docx.ts';
export { renderProfileMarkdown } from './markdown.ts';
export { svgToPng } from './png.ts';
export { barsSvg, chartSvg, type DistrictOutline, hourOfWeekSvg, mapSvg, monthlySvg } from './svg.ts';
