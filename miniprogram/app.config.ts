export default defineAppConfig({
  // Inject only the components a page renders (WeChat's 按需注入): a faster start.
  lazyCodeLoading: 'requiredComponents',
  pages: ['pages/home/index', 'pages/feed/index', 'pages/me/index', 'pages/notices/index', 'pages/ledger/index', 'pages/join/index'],
  subPackages: [
    { root: 'packages/mall', pages: ['pages/index/index', 'pages/item/index', 'pages/orders/index', 'pages/lottery/index'] },
    { root: 'packages/posts', pages: ['pages/compose/index'] },
    { root: 'packages/referral', pages: ['pages/invite/index'] },
    { root: 'packages/qa', pages: ['pages/index/index', 'pages/question/index', 'pages/ask/index'] },
    { root: 'packages/engage', pages: ['pages/rules/index', 'pages/leaderboard/index'] },
    {
      root: 'packages/admin',
      pages: ['pages/console/index', 'pages/members/index', 'pages/member/index', 'pages/health/index', 'pages/rules/index', 'pages/review/index', 'pages/orders/index', 'pages/items/index', 'pages/draws/index', 'pages/campaigns/index'],
    },
  ],
  window: {
    navigationBarTitleText: '社群积分',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f6f4f0',
    backgroundTextStyle: 'light',
  },
});
