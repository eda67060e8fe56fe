export default definePageConfig({ navigationBarTitleText: '众筹与捐赠' });
