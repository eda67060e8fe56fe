export default definePageConfig({ navigationBarTitleText: '订单处理' });
