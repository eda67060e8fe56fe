export default definePageConfig({ navigationBarTitleText: '写经验帖' });
