import type { Translation } from '../shape';
import type en from '../en/common';

const common: Translation<typeof en> = {
  dismiss: '关闭',
  offline: {
    title: '已离线。',
    body: '无法连接中转站，暂时不能发送消息。已有对话的浏览和搜索不受影响。',
    retry: '重新连接',
  },
  sidebar: {
    label: '对话',
    newChat: '新对话',
    search: '搜索对话',
    searchPlaceholder: '搜索对话（Ctrl+K）',
    searching: '正在搜索…',
    noResults: '没有找到匹配的内容。',
    resultsLabel: '搜索结果',
    moreResults: '更多结果',
    loadMore: '加载更早的对话',
    untitled: '新对话',
    pinned: '已置顶',
    moreActions: '“{{title}}”的更多操作',
    exportMarkdown: '导出为 Markdown',
    rename: '重命名',
    renameLabel: '对话标题',
    pin: '置顶',
    unpin: '取消置顶',
    delete: '删除',
    deleted: '已将“{{title}}”移到回收站。',
    undo: '撤销',
    usage: '用量与费用',
    settings: '设置',
    group: {
      pinned: '已置顶',
      today: '今天',
      yesterday: '昨天',
      week: '过去 7 天',
      older: '更早',
    },
  },
};
export default common;
