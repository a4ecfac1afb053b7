import { useEffect, useRef } from 'react';
import { ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, Legend, LinearScale, Tooltip, type ChartConfiguration } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, Tooltip, Legend);

/** Colours told apart by people with the commonest colour-vision deficiencies (Okabe–Ito). */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

/** One Chart.js chart on a canvas, rebuilt when its configuration changes; the table beside it carries the same figures for screen readers. */
export function ChartCanvas({ config, label }: { config: ChartConfiguration; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const chart = new Chart(canvas.current!, { ...config, options: { ...config.options, animation: false, responsive: true, maintainAspectRatio: false } });
    return () => chart.destroy();
  }, [config]);
  return (
    <div className="day-chart">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
