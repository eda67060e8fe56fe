export default defineAppConfig({
  // Inject only the components a page renders (WeChat's 按需注入): a faster start.
  lazyCodeLoading: 'requiredComponents',
  // Location and address APIs must be listed here or WeChat fails them (tests/weapp/privacy.test.ts).
  requiredPrivateInfos: ['chooseAddress'],
  pages: [
    'pages/home/index',
    'pages/feed/index',
    'pages/mall/index',
    'pages/me/index',
    'pages/notices/index',
    'pages/ledger/index',
    'pages/join/index',
  ],
  subPackages: [
    {
      root: 'packages/mall',
      pages: [
        'pages/item/index',
        'pages/orders/index',
        'pages/lottery/index',
        'pages/pools/index',
        'pages/pool/index',
        'pages/pay/index',
        'pages/cashier/index',
        'pages/order/index',
      ],
    },
    { root: 'packages/posts', pages: ['pages/compose/index', 'pages/thread/index'] },
    { root: 'packages/referral', pages: ['pages/invite/index'] },
    { root: 'packages/community', pages: ['pages/create/index', 'pages/mine/index', 'pages/claim/index'] },
    { root: 'packages/qa', pages: ['pages/index/index', 'pages/question/index', 'pages/ask/index'] },
    {
      root: 'packages/engage',
      pages: ['pages/rules/index', 'pages/leaderboard/index', 'pages/profile/index', 'pages/membercode/index', 'pages/event/index'],
    },
    {
      root: 'packages/admin',
      pages: [
        'pages/console/index',
        'pages/members/index',
        'pages/member/index',
        'pages/health/index',
        'pages/rules/index',
        'pages/review/index',
        'pages/orders/index',
        'pages/items/index',
        'pages/draws/index',
        'pages/campaigns/index',
        'pages/pools/index',
        'pages/reach/index',
        'pages/balances/index',
        'pages/scan/index',
        'pages/events/index',
        'pages/audit/index',
      ],
    },
  ],
  // Like other mini-programs: the four places a member goes every day, at the bottom (icons: scripts/tabIcons.py).
  tabBar: {
    color: '#8c8079',
    selectedColor: '#e8743b',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/home/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-on.png' },
      { pagePath: 'pages/feed/index', text: '社区', iconPath: 'assets/tab/feed.png', selectedIconPath: 'assets/tab/feed-on.png' },
      { pagePath: 'pages/mall/index', text: '商城', iconPath: 'assets/tab/mall.png', selectedIconPath: 'assets/tab/mall-on.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-on.png' },
    ],
  },
  window: {
    navigationBarTitleText: '社群积分',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f6f4f0',
    backgroundTextStyle: 'light',
  },
});
