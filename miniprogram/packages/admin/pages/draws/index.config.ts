export default definePageConfig({ navigationBarTitleText: '抽奖设置' });
