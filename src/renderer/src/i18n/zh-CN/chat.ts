import type { Translation } from '../shape';
import type en from '../en/chat';

const chat: Translation<typeof en> = {
  view: {
    label: '对话',
    newChat: '新对话',
    emptyTitle: '开始一段对话',
    empty: '尽管提问。所有对话都只保存在这台电脑上。',
    conversationSettings: '对话设置',
  },
  list: {
    label: '消息',
    jumpToLatest: '跳到最新',
  },
  message: {
    you: '你',
    assistant: '助手',
    waiting: '正在等待首个 token',
  },
  retryWait: {
    rateLimited: '请求过于频繁 — {{seconds}} 秒后重试',
    retrying: '{{seconds}} 秒后重试',
    rateLimitedNow: '请求过于频繁 — 正在重试',
    retryingNow: '正在重试',
    cancel: '取消',
  },
  markdown: {
    copy: '复制',
    copied: '已复制',
    copyFailed: '复制失败',
    plainText: '文本',
    loadImage: '从 {host} 加载图片',
    loadingImage: '正在加载图片…',
    imageFailed: '无法加载图片。',
    taskDone: '已完成',
    taskOpen: '未完成',
    plainFallback: '以纯文本显示：此部分过大或嵌套过深，无法排版。',
    linkConfirmTitle: '要打开此链接吗？',
    linkMismatch: '链接文字显示的地址与它实际打开的地址不同。',
    linkLocal: '此链接指向本机或你的局域网。',
    linkOpen: '打开链接',
    linkCancel: '取消',
  },
  action: {
    stop: '停止',
    continue: '继续生成',
    copy: '复制',
    copied: '已复制',
    regenerate: '重新生成',
    edit: '编辑',
    delete: '删除',
  },
  editor: {
    label: '编辑消息',
    resend: '保存并重新发送',
    cancel: '取消',
  },
  composer: {
    tooLong: '您的消息大小为 {{size}} MB，上限为 {{limit}} MB。请缩短内容或分几次发送。',
    label: '消息',
    placeholder: '输入消息（Enter 发送，Shift+Enter 换行）',
    send: '发送',
  },
  model: {
    label: '模型',
    refresh: '刷新模型列表',
    cached: '离线中：显示已保存的模型列表。',
    moreHidden: '还有 {{number}} 个模型匹配：输入名称的一部分以缩小列表。',
  },
  reasoning: {
    title: '推理过程',
    thinking: '正在思考…',
    thoughtFor: '已思考 {{duration}}',
  },
  footer: {
    tokens: '输入 {{prompt}} · 输出 {{completion}} token',
    estimated: '估算',
    cost: '费用 {{cost}}',
    costUnknown: '费用 —',
    ttft: '首 token {{ms}}',
    speed: '{{tps}} token/秒',
  },
  settings: {
    systemPrompt: '系统提示词',
    temperature: '温度（0–2）',
    temperatureDefault: '使用配置默认值',
    temperatureInvalid: '温度必须是 0 到 2 之间的数字。',
    apply: '应用',
  },
  long: {
    showAll: '显示全部',
    showLess: '收起',
  },
};
export default chat;
