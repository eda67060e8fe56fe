export default defineAppConfig({
  pages: ['pages/home/index', 'pages/ledger/index', 'pages/join/index'],
  subPackages: [
    { root: 'packages/mall', pages: ['pages/index/index', 'pages/item/index', 'pages/orders/index', 'pages/lottery/index'] },
    { root: 'packages/admin', pages: ['pages/orders/index', 'pages/items/index', 'pages/draws/index'] },
  ],
  window: {
    navigationBarTitleText: '社群积分',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f6f4f0',
    backgroundTextStyle: 'light',
  },
});
