// An SVG line chart of the scale run: time per page and heap growth against pages walked, on a log
// scale of pages. Written by run.mjs beside RESULTS.md; plain SVG, no dependency.
const WIDTH = 640;
const HEIGHT = 320;
const PAD = { left: 64, right: 72, top: 36, bottom: 48 };

const escapeXml = (text) => String(text).replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

function axisTicks(max, count = 4) {
  const step = max / count;
  return Array.from({ length: count + 1 }, (_, i) => i * step);
}

/** @param {{ pages: number, usPerPage: number, heapGrowthKiB: number }[]} rows */
export function scaleChart(rows) {
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const logMin = Math.log10(rows[0].pages);
  const logMax = Math.log10(rows[rows.length - 1].pages);
  const x = (pages) => PAD.left + ((Math.log10(pages) - logMin) / (logMax - logMin || 1)) * plotW;
  const maxUs = Math.max(...rows.map((r) => r.usPerPage)) * 1.15;
  const maxHeap = Math.max(1024, ...rows.map((r) => Math.abs(r.heapGrowthKiB))) * 1.15;
  const yUs = (v) => PAD.top + plotH - (v / maxUs) * plotH;
  const yHeap = (v) => PAD.top + plotH - (Math.max(0, v) / maxHeap) * plotH;
  const line = (y, key) =>
    rows.map((r, i) => `${i === 0 ? "M" : "L"}${x(r.pages).toFixed(1)},${y(r[key]).toFixed(1)}`).join(" ");
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="20" text-anchor="middle" font-size="14">listPastUsage: time per page and heap growth against pages walked</text>`,
    `<line x1="${PAD.left}" y1="${PAD.top + plotH}" x2="${PAD.left + plotW}" y2="${PAD.top + plotH}" stroke="#444"/>`,
    `<line x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${PAD.top + plotH}" stroke="#1f77b4"/>`,
    `<line x1="${PAD.left + plotW}" y1="${PAD.top}" x2="${PAD.left + plotW}" y2="${PAD.top + plotH}" stroke="#d62728"/>`,
  ];
  for (const r of rows) {
    parts.push(
      `<text x="${x(r.pages).toFixed(1)}" y="${PAD.top + plotH + 18}" text-anchor="middle">${escapeXml(r.pages.toLocaleString("en"))}</text>`,
    );
  }
  parts.push(
    `<text x="${PAD.left + plotW / 2}" y="${HEIGHT - 8}" text-anchor="middle">pages walked (log scale)</text>`,
  );
  for (const v of axisTicks(maxUs)) {
    parts.push(`<text x="${PAD.left - 6}" y="${yUs(v) + 4}" text-anchor="end" fill="#1f77b4">${Math.round(v)}</text>`);
  }
  for (const v of axisTicks(maxHeap)) {
    parts.push(`<text x="${PAD.left + plotW + 6}" y="${yHeap(v) + 4}" fill="#d62728">${Math.round(v)}</text>`);
  }
  parts.push(
    `<text transform="translate(16 ${PAD.top + plotH / 2}) rotate(-90)" text-anchor="middle" fill="#1f77b4">µs per page</text>`,
    `<text transform="translate(${WIDTH - 12} ${PAD.top + plotH / 2}) rotate(90)" text-anchor="middle" fill="#d62728">heap growth after GC (KiB)</text>`,
    `<path d="${line(yUs, "usPerPage")}" fill="none" stroke="#1f77b4" stroke-width="2"/>`,
    `<path d="${line(yHeap, "heapGrowthKiB")}" fill="none" stroke="#d62728" stroke-width="2" stroke-dasharray="6 4"/>`,
  );
  for (const r of rows) {
    parts.push(`<circle cx="${x(r.pages).toFixed(1)}" cy="${yUs(r.usPerPage).toFixed(1)}" r="3" fill="#1f77b4"/>`);
    parts.push(
      `<circle cx="${x(r.pages).toFixed(1)}" cy="${yHeap(r.heapGrowthKiB).toFixed(1)}" r="3" fill="#d62728"/>`,
    );
  }
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}
