export default defineAppConfig({
  pages: ['pages/home/index', 'pages/ledger/index', 'pages/join/index'],
  window: {
    navigationBarTitleText: '社群积分',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f6f4f0',
    backgroundTextStyle: 'light',
  },
});
