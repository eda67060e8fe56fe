export default definePageConfig({ navigationBarTitleText: '扫码记积分' });
