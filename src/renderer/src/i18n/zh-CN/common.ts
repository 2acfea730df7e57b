import type { Translation } from '../shape';
import type en from '../en/common';

const common: Translation<typeof en> = {
  close: '关闭',
  dismiss: '关闭',
  offline: {
    title: '已离线。',
    body: '无法连接中转站，暂时不能发送消息。已有对话的浏览和搜索不受影响。',
    retry: '重新连接',
  },
  notice: {
    history_read_only:
      '您的历史记录由更新版本的 Fleece 写入，因此以只读方式打开：可以浏览和搜索，但不会保存任何新内容。请更新 Fleece 以继续对话。文件：',
    history_salvaged:
      '在对话数据库中发现了损坏。正在生成的回答已先停止并保存，随后 {{conversations}} 个对话和 {{messages}} 条消息已恢复到新文件中。损坏的文件保存在这里：',
    history_recovered:
      '对话数据库已损坏，已将其移到一旁并新建了数据库。没有删除任何内容；旧文件在这里：',
    settings_recovered: '无法读取设置文件，已将其另存并改用默认设置。旧文件在这里：',
    keychain_unavailable: '系统钥匙串不可用：API 密钥只在本次运行期间保留，绝不会写入磁盘。',
  },
  storage: {
    answerUnsaved: '尚未保存：磁盘拒绝了写入。完整的回答已保留，磁盘一恢复可写就会保存。',
    storage_full: {
      title: '磁盘已满：Fleece 无法保存。',
      fix: '请在此磁盘上腾出一些空间。您看到的内容不会丢失：Fleece 会先保存在内存中，一有空间就写入磁盘。',
    },
    storage_read_only: {
      title: '数据文件夹是只读的：Fleece 无法保存。',
      fix: '请让该文件夹重新可写（或以读写方式重新挂载磁盘）。在此之前，您看到的内容会保留在内存中。',
    },
    storage_denied: {
      title: 'Fleece 没有写入其数据文件夹的权限。',
      fix: '请给当前用户授予下方文件夹的写入权限（用 sudo 运行过之后，它可能属于其他用户）。',
    },
    storage_io: {
      title: '保存时磁盘报告了错误。',
      fix: '请检查磁盘。Fleece 每隔几秒会重试等待写入的内容。',
    },
    unsaved: '等待保存的回答：{{count}} 条。',
  },
  notices: {
    label: '通知',
    previous: '上一条通知',
    next: '下一条通知',
    count: '第 {{index}} 条，共 {{total}} 条',
  },
  toasts: {
    label: '消息提示',
  },
  shortcuts: {
    title: '键盘快捷键',
    groups: {
      app: '任何位置',
      composer: '编写消息时',
      conversation: '对话列表',
    },
    items: {
      newChat: '新对话',
      search: '搜索对话',
      settings: '打开设置',
      toggleSidebar: '显示或隐藏侧栏',
      shortcuts: '查看键盘快捷键',
      stop: '停止回答',
      send: '发送',
      newline: '换行',
      editLast: '编辑上一条消息（输入框为空时）',
      rename: '重命名',
      pin: '置顶或取消置顶',
      delete: '删除',
      rowMenu: '更多操作',
    },
  },
  sidebar: {
    label: '对话',
    newChat: '新对话',
    search: '搜索对话',
    searchPlaceholder: '搜索（{{keys}}）',
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
    streaming: '正在回答…',
    expand: '展开侧栏',
    collapse: '收起侧栏',
    emptyTitle: '还没有对话',
    emptyHint: '点击“新对话”开始（{{keys}}）。',
    noResultsHint: '换个词试试：不区分大小写，越南语可不带声调。',
    group: {
      pinned: '已置顶',
      today: '今天',
      yesterday: '昨天',
      week: '过去 7 天',
      older: '更早',
    },
  },
  renderError: {
    message: '此消息无法正常显示，以下为它的原始文本。',
    list: '此对话无法正常显示，消息以纯文本列出。',
    screen: '此页面无法显示。其他页面仍可使用；详细信息已写入开发者控制台。',
  },
};
export default common;
