/**
 * Export of the current step as SVG or PNG: a standalone copy of the diagram with its stylesheet
 * embedded, always on the light palette (projectors wash out dark slides), with the step's
 * narration above it and any extra lines (the call's registers, the crash) below.
 */
import cssText from './diagram.css?raw';

export interface ExportOptions {
  /** Narration shown above the diagram. */
  caption?: string;
  /** Lines shown below it in monospace (the call view's rows, a crash). */
  footer?: string[];
  fileName?: string;
  /** Pixel scale for PNG (2 by default: sharp on a projector). */
  scale?: number;
  /** Trigger a download (default true); tests pass false and use the returned Blob. */
  download?: boolean;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function wrap(text: string, perLine: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && (line + ' ' + word).length > perLine) {
      out.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') out.push(line);
  return out;
}

function escapeXml(s: string): string {
  return s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );
}

/** Builds the standalone SVG text of a diagram (exported for tests). */
export function standaloneSvg(
  svg: SVGSVGElement,
  options: ExportOptions = {},
): { text: string; width: number; height: number } {
  const vb = svg.viewBox.baseVal;
  const w = vb !== null && vb.width > 0 ? vb.width : svg.width.baseVal.value;
  const h = vb !== null && vb.height > 0 ? vb.height : svg.height.baseVal.value;
  const pad = 24;
  const perLine = Math.max(40, Math.floor((w - 2 * pad) / 8.6));
  const captionLines =
    options.caption !== undefined && options.caption !== '' ? wrap(options.caption, perLine) : [];
  const footer = (options.footer ?? []).flatMap((l) => wrap(l, Math.floor((w - 2 * pad) / 7.8)));
  const top = pad + captionLines.length * 22 + (captionLines.length > 0 ? 8 : 0);
  const bottom = footer.length > 0 ? footer.length * 18 + 16 : 0;
  const width = w + 2 * pad;
  const height = top + h + bottom + pad;
  const inner = new XMLSerializer().serializeToString(svg);
  // Light palette only: the exported copy drops the page's theme, the dark rules never match.
  const style = `${cssText}\n.mdiag *{animation:none!important;transition:none!important}\n.md-tip{display:none}`;
  const parts = [
    `<svg xmlns="${SVG_NS}" class="mdiag" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<style><![CDATA[${style}]]></style>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...captionLines.map(
      (l, i) =>
        `<text x="${pad}" y="${pad + 16 + i * 22}" font-family="system-ui, sans-serif" font-size="16" fill="#1d232b">${escapeXml(l)}</text>`,
    ),
    `<g transform="translate(${pad}, ${top})">${inner}</g>`,
    ...footer.map(
      (l, i) =>
        `<text x="${pad}" y="${top + h + 24 + i * 18}" font-family="ui-monospace, Menlo, Consolas, monospace" font-size="13" fill="#1d232b">${escapeXml(l)}</text>`,
    ),
    '</svg>',
  ];
  return { text: parts.join('\n'), width, height };
}

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Exports the diagram's current step as an SVG or PNG file; resolves to the file's Blob. */
export async function exportStep(
  svg: SVGSVGElement,
  format: 'svg' | 'png',
  options: ExportOptions = {},
): Promise<Blob> {
  const { text, width, height } = standaloneSvg(svg, options);
  const base = options.fileName ?? 'machine-diagram';
  const svgBlob = new Blob([text], { type: 'image/svg+xml' });
  if (format === 'svg') {
    if (options.download !== false) save(svgBlob, `${base}.svg`);
    return svgBlob;
  }
  const scale = options.scale ?? 2;
  const img = new Image();
  img.decoding = 'async';
  // A data: URL (the page's CSP allows data: images; a blob: URL would need img-src blob:).
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('no 2D canvas');
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0, width, height);
  const png = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b === null ? reject(new Error('PNG encoding failed')) : resolve(b)), 'image/png'),
  );
  if (options.download !== false) save(png, `${base}.png`);
  return png;
}
