export default definePageConfig({ navigationBarTitleText: '成员主页' });
