/** Report plots: SVG strings rendered to PNG with sharp. */
import sharp from "sharp";

const COLORS = ["#2563eb", "#16a34a", "#dc2626", "#9333ea", "#ea580c", "#0891b2", "#ca8a04", "#db2777"];
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const fmt = (v: number) =>
  Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);

export interface Series {
  name: string;
  points: { x: number; y: number; err?: number }[];
}

/** Lines with error bars (x on a log2 scale when it spans more than 4×). */
export function lineChartSvg(
  title: string,
  xLabel: string,
  yLabel: string,
  series: Series[],
  W = 720,
  H = 420,
): string {
  const L = 70,
    R = 190,
    T = 40,
    B = 55;
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const ys = series.flatMap((s) => s.points.flatMap((p) => [p.y - (p.err ?? 0), p.y + (p.err ?? 0)]));
  const xmin = Math.min(...xs),
    xmax = Math.max(...xs);
  const log = xmin > 0 && xmax / xmin > 4;
  const tx = (x: number) => (log ? Math.log2(x) : x);
  const [a, b] = xmin === xmax ? [tx(xmin) - 1, tx(xmax) + 1] : [tx(xmin), tx(xmax)];
  let ymin = Math.min(0, ...ys),
    ymax = Math.max(...ys, 1e-9);
  if (ymax <= 1 && ymin >= 0) [ymin, ymax] = [0, 1];
  const px = (x: number) => L + ((tx(x) - a) / (b - a)) * (W - L - R);
  const py = (y: number) => T + (1 - (y - ymin) / (ymax - ymin)) * (H - T - B);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="DejaVu Sans, Arial, sans-serif" font-size="12"><rect width="100%" height="100%" fill="white"/>`,
  ];
  out.push(
    `<text x="${W / 2 - R / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">${esc(title)}</text>`,
  );
  for (let i = 0; i <= 5; i++) {
    const y = ymin + ((ymax - ymin) * i) / 5;
    out.push(
      `<line x1="${L}" x2="${W - R}" y1="${py(y)}" y2="${py(y)}" stroke="#e5e7eb"/><text x="${L - 6}" y="${py(y) + 4}" text-anchor="end">${fmt(y)}</text>`,
    );
  }
  for (const x of [...new Set(xs)].sort((p, q) => p - q))
    out.push(`<text x="${px(x)}" y="${H - B + 18}" text-anchor="middle">${x}</text>`);
  out.push(
    `<line x1="${L}" x2="${W - R}" y1="${H - B}" y2="${H - B}" stroke="#111"/><line x1="${L}" x2="${L}" y1="${T}" y2="${H - B}" stroke="#111"/>`,
  );
  out.push(`<text x="${(L + W - R) / 2}" y="${H - 12}" text-anchor="middle">${esc(xLabel)}</text>`);
  out.push(
    `<text transform="translate(18 ${(T + H - B) / 2}) rotate(-90)" text-anchor="middle">${esc(yLabel)}</text>`,
  );
  series.forEach((s, i) => {
    const c = COLORS[i % COLORS.length];
    const pts = [...s.points].sort((p, q) => p.x - q.x);
    out.push(
      `<polyline fill="none" stroke="${c}" stroke-width="2" points="${pts.map((p) => `${px(p.x)},${py(p.y)}`).join(" ")}"/>`,
    );
    for (const p of pts) {
      if (p.err)
        out.push(
          `<line x1="${px(p.x)}" x2="${px(p.x)}" y1="${py(p.y - p.err)}" y2="${py(p.y + p.err)}" stroke="${c}"/>`,
        );
      out.push(`<circle cx="${px(p.x)}" cy="${py(p.y)}" r="4" fill="${c}"/>`);
    }
    out.push(
      `<rect x="${W - R + 15}" y="${T + i * 20}" width="12" height="12" fill="${c}"/><text x="${W - R + 32}" y="${T + i * 20 + 10}">${esc(s.name)}</text>`,
    );
  });
  out.push("</svg>");
  return out.join("");
}

/** Horizontal bars, one panel per metric. */
export function barChartSvg(
  title: string,
  panels: { title: string; unit: string; bars: { name: string; value: number }[] }[],
  W = 720,
): string {
  const rowH = 24,
    L = 170,
    R = 90;
  const heights = panels.map((p) => 40 + p.bars.length * rowH);
  const H = 40 + heights.reduce((a, b) => a + b, 0);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="DejaVu Sans, Arial, sans-serif" font-size="12"><rect width="100%" height="100%" fill="white"/>`,
  ];
  out.push(
    `<text x="${W / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">${esc(title)}</text>`,
  );
  let y0 = 40;
  panels.forEach((p, k) => {
    out.push(`<text x="10" y="${y0 + 16}" font-weight="bold">${esc(p.title)} (${esc(p.unit)})</text>`);
    const max = Math.max(...p.bars.map((b) => b.value), 1e-9);
    p.bars.forEach((b, i) => {
      const y = y0 + 28 + i * rowH;
      const w = (b.value / max) * (W - L - R);
      out.push(
        `<text x="${L - 8}" y="${y + 13}" text-anchor="end">${esc(b.name)}</text><rect x="${L}" y="${y}" width="${Math.max(1, w)}" height="${rowH - 6}" fill="${COLORS[i % COLORS.length]}"/><text x="${L + w + 6}" y="${y + 13}">${fmt(b.value)}</text>`,
      );
    });
    y0 += heights[k];
  });
  out.push("</svg>");
  return out.join("");
}

export async function writePng(svg: string, file: string): Promise<void> {
  await sharp(Buffer.from(svg)).png().toFile(file);
}
