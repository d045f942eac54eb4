// Noto Sans SC split by unicode range: a page loads only the slices its characters need, and
// Chinese renders on machines without a CJK system font (Kylin/UOS images, headless Chromium).
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import 'element-plus/dist/index.css';
import './styles/app.css';
import ElementPlus from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import { createApp } from 'vue';
import App from './App.vue';
import { router } from './router';
import { applyFontSize } from './session/fontSize';

applyFontSize();
createApp(App).use(ElementPlus, { locale: zhCn }).use(router).mount('#app');
