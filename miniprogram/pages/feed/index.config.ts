export default definePageConfig({ navigationBarTitleText: '经验分享', enablePullDownRefresh: false });
