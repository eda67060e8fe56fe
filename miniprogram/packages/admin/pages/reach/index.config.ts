export default definePageConfig({ navigationBarTitleText: '群发与批量发分' });
