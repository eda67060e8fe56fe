export default definePageConfig({ navigationBarTitleText: '社群数据' });
