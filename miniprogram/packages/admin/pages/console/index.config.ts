export default definePageConfig({ navigationBarTitleText: '群主控制台' });
