import { Canvas, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import UCharts, { type UChartsOptions } from '@qiun/ucharts';
import { useEffect, useMemo } from 'react';

const COLORS = ['#e8743b', '#3f7f45', '#4a78c2', '#c2a34a', '#8a5bb5', '#999999'];

interface ChartProps {
  /** Unique on the page: the canvas is drawn by id. */
  id: string;
  type: UChartsOptions['type'];
  categories?: string[];
  /** Named series of numbers; for a ring, one number each (its slice). */
  series: Array<{ name: string; data: number[] }>;
  height?: number;
}

/**
 * A chart drawn by uCharts (a chart library made for mini-program canvases, kept in this
 * subpackage) on the canvas API both builds share: WeChat's CanvasContext and Taro's H5 one.
 */
export function Chart({ id, type, categories, series, height = 200 }: ChartProps) {
  const width = useMemo(() => Taro.getSystemInfoSync().windowWidth - 48, []);
  const key = JSON.stringify([type, categories, series]);
  useEffect(() => {
    // Counts: whole-number steps, four of them, from 0 to a round top.
    const highest = Math.max(0, ...series.flatMap((s) => s.data));
    const top = Math.max(4, Math.ceil(highest / 4) * 4);
    // After the canvas is on the page (a tick later in H5).
    const timer = setTimeout(() => {
      new UCharts({
        type,
        context: Taro.createCanvasContext(id),
        width,
        height,
        categories,
        // uCharts takes a ring as one series of named values.
        series: type === 'ring' ? [{ data: series.map((s) => ({ name: s.name, value: s.data[0] ?? 0 })) }] : series,
        animation: false,
        background: '#FFFFFF',
        color: COLORS,
        padding: [12, 12, 4, 4],
        fontSize: 11,
        dataLabel: type === 'ring' || (type === 'column' && (categories?.length ?? 0) <= 12),
        dataPointShape: false,
        legend: { show: series.length > 1 || type === 'ring', position: 'bottom' },
        xAxis: { disableGrid: true, labelCount: 6, fontSize: 10 },
        yAxis: { gridType: 'dash', splitNumber: 4, data: [{ min: 0, max: top, formatter: (value: number) => String(Math.round(value)) }] },
        extra: { line: { type: 'straight', width: 2 }, column: { width: 14 }, ring: { ringWidth: 22, labelWidth: 8 } },
      });
    }, 50);
    return () => clearTimeout(timer);
  }, [id, key, width, height]);
  return (
    <View className="chart">
      <Canvas canvasId={id} id={id} className="chart__canvas" style={`width: ${width}px; height: ${height}px;`} />
    </View>
  );
}
