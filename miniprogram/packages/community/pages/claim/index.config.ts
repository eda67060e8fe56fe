export default definePageConfig({ navigationBarTitleText: '领取期初积分' });
