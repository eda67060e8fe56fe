export default definePageConfig({ navigationBarTitleText: '导入期初积分', enableShareAppMessage: true });
