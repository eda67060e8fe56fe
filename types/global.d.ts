/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.jpg';
declare module '*.svg';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production';
    TARO_ENV: 'weapp' | 'h5';
    /** The WeChat cloud environment id; empty means the default environment. */
    TARO_APP_CLOUD_ENV?: string;
  }
}

/** @qiun/ucharts ships no types: the part the console's charts use. */
declare module '@qiun/ucharts' {
  export interface UChartsOptions {
    type: 'line' | 'column' | 'area' | 'ring' | 'pie';
    context: unknown;
    width: number;
    height: number;
    categories?: string[];
    /** A line or a column: one series per line; a ring or a pie: one series of named values. */
    series: Array<{ name?: string; data: number[] | Array<{ name: string; value: number }>; color?: string }>;
    animation?: boolean;
    background?: string;
    color?: string[];
    padding?: number[];
    fontSize?: number;
    dataLabel?: boolean;
    dataPointShape?: boolean;
    legend?: Record<string, unknown>;
    xAxis?: Record<string, unknown>;
    yAxis?: Record<string, unknown>;
    extra?: Record<string, unknown>;
  }
  export default class UCharts {
    constructor(options: UChartsOptions);
    updateData(data: { categories?: string[]; series: UChartsOptions['series'] }): void;
  }
}
