export default definePageConfig({
  navigationBarTitleText: '社群积分',
  enableShareAppMessage: true,
});
