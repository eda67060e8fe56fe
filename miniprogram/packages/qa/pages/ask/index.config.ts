export default definePageConfig({ navigationBarTitleText: '提问' });
