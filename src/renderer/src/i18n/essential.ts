import type en from './en/common';
import type { Translation } from './shape';
import type { UiLanguage } from '../../../shared/rules/languages';

type Essential = Translation<Pick<typeof en, 'dismiss' | 'chunkFailed' | 'notices'>>;

/**
 * What the window says in the chosen language even when that language's catalog did not arrive
 * (the rest of the window is then in English): that part of Fleece did not load, with its reload,
 * and the notice area around it. Bundled with the window, a few hundred bytes; each catalog
 * takes these strings from here.
 */
export const essential: Record<Exclude<UiLanguage, 'en'>, Essential> = {
  vi: {
    dismiss: 'Đóng',
    chunkFailed: {
      title: 'Một phần của Fleece không tải được.',
      body: 'Hãy tải lại cửa sổ để thử lại. Các cuộc trò chuyện và nội dung chưa gửi vẫn được giữ nguyên.',
      reload: 'Tải lại',
    },
    notices: {
      restart: 'Khởi động lại ngay',
      label: 'Thông báo',
      previous: 'Thông báo trước',
      next: 'Thông báo sau',
      count: '{{index}} / {{total}}',
    },
  },
  'zh-CN': {
    dismiss: '关闭',
    chunkFailed: {
      title: 'Fleece 的部分界面未能加载。',
      body: '请重新加载窗口再试。你的对话和尚未发送的内容都会保留。',
      reload: '重新加载',
    },
    notices: {
      restart: '立即重启',
      label: '通知',
      previous: '上一条通知',
      next: '下一条通知',
      count: '第 {{index}} 条，共 {{total}} 条',
    },
  },
};
