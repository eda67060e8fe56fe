/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.jpg';
declare module '*.svg';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production';
    TARO_ENV: 'weapp' | 'h5';
    /** The community this mini-program serves by default (a shared link can switch it). */
    TARO_APP_COMMUNITY_ID?: string;
    /** The WeChat cloud environment id; empty means the default environment. */
    TARO_APP_CLOUD_ENV?: string;
  }
}
