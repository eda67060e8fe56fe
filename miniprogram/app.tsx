import Taro from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import './app.css';

function App({ children }: PropsWithChildren) {
  if (process.env.TARO_ENV === 'weapp' && !appLaunched) {
    appLaunched = true;
    Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true });
  }
  return children;
}

let appLaunched = false;

export default App;
