/**
 * How the diagram prints machine values. The values themselves (addresses, cells, bytes) are
 * formatted by the view model (src/sim/view/format.ts, re-exported here); sizes and clipping are the
 * drawing's own.
 */

export { formatCell, formatDouble, hexAddr, hexBytes, u64, u64Number } from '../../sim/view/format.ts';

/** The size of a range in words a learner knows: "32 bytes", "9 KiB"; in Chinese "32 字节". */
export function formatSize(bytes: number, locale: 'en' | 'zh' = 'en'): string {
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  if (bytes >= 4096) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (locale === 'zh') return `${bytes} 字节`;
  return `${bytes} byte${bytes === 1 ? '' : 's'}`;
}

/** Shortens text to `max` characters with an ellipsis (the full text goes in a tooltip). */
export function clip(text: string, max: number): string {
  if (max <= 1) return text.length > 0 ? '…' : '';
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
