import type { Translation } from '../shape';
import type en from '../en/settings';

const settings: Translation<typeof en> = {
  title: '设置',
  tabs: {
    general: '通用',
    profiles: '连接配置',
    models: '模型与价格',
    data: '数据',
    shortcuts: '快捷键',
    about: '关于',
  },
  about: {
    tagline: '适用于 OpenAI 兼容中转站的桌面聊天应用。',
    version: '版本',
    dataFolder: '数据文件夹',
    licence: '许可证',
    thirdParty: 'Fleece 使用的开源软件',
  },
  profiles: {
    title: '连接配置',
    edit: '配置',
    activeMark: '使用中',
    useThis: '使用此配置',
    delete: '删除配置',
    confirmDelete: '删除配置“{{name}}”及其保存的密钥？',
    newFrom: '新建配置，基于',
    none: '还没有连接配置：请在下方添加。',
    addTitle: '添加配置',
    add: '添加配置',
  },
  profile: {
    name: '名称',
    baseUrl: '接口地址（Base URL）',
    apiKey: 'API 密钥',
    keyPlaceholder: '粘贴密钥（保存在系统钥匙串中）',
    keyOptional: '此服务器不需要密钥',
    model: '模型',
    advanced: '默认值、备用地址与超时',
    systemPrompt: '新对话的默认系统提示词',
    temperature: '默认温度（0–2，留空则使用模型默认值）',
    temperatureInvalid: '温度必须是 0 到 2 之间的数字。',
    fallbacks: '备用接口地址（每行一个）',
    connectTimeout: '连接超时（秒）',
    idleTimeout: '空闲超时（秒）',
    timeoutInvalid: '超时时间必须是大于 0 的秒数。',
    allowInsecure: '我已了解：此服务器使用未加密的 http，密钥和消息将以明文传输。',
    keyRemoved: '由于此配置已指向另一台服务器，原密钥已被移除。请粘贴该服务器的密钥。',
    save: '保存',
    saved: '已保存。',
  },
  key: {
    none: '尚未保存密钥。',
    currentKeychain: '密钥 {{masked}} 已保存在系统钥匙串中。',
    currentSession: '密钥 {{masked}} 仅在本次运行期间保留。',
    sessionOnly: '系统钥匙串不可用，密钥只保存在内存中，关闭 Fleece 后即失效，且绝不会写入磁盘。',
    clear: '移除密钥',
  },
  probe: {
    button: '测试连接',
    running: '正在测试…',
    ttft: '首 token 延迟：{{ms}}',
    noTtft: '无法测量首 token 延迟。',
    finding: {
      stream_ok: '回答边生成边传输（{{pieces}} 段，分 {{reads}} 次网络读取到达）。',
      stream_buffered:
        '整个回答在 {{ttft}} 毫秒后一次性到达：你和中转站之间的某个环节（代理、VPN 或杀毒软件）缓冲了数据流，所以文字不会逐字出现。',
      stream_partly_buffered:
        '{{pieces}} 段回答分成 {{reads}} 块到达：你和中转站之间的某个环节（代理、VPN 或杀毒软件）部分缓冲了数据流，所以文字会一阵一阵地出现。',
      stream_too_short:
        '回答太短，无法判断是否为流式传输（{{pieces}} 段，至少需要 {{needed}} 段）。',
    },
    status: {
      ok: '正常',
      warn: '注意',
      fail: '失败',
      skipped: '已跳过',
    },
  },
  prefs: {
    title: '偏好设置',
    language: '语言',
    systemLanguage: '跟随系统',
    theme: '主题',
    themes: {
      system: '跟随系统',
      light: '浅色',
      dark: '深色',
    },
    answerLimitMb: '单个回答的最大大小（MB 文本）',
    answerLimitMinutes: '单个回答的最长时间（分钟）',
    answerLimitsNote:
      '回答超过任一上限时，Fleece 会将其停止并保留此前的内容，避免故障的中转站占满内存或磁盘。',
  },
  prices: {
    title: '每百万 token 价格',
  },
  data: {
    title: '你的数据',
    location: '对话和设置保存在 {{dir}}',
    export: '导出全部对话（JSON）',
    import: '导入对话（JSON）',
    exporting: '正在导出…',
    exported: '已将 {{conversations}} 个对话（{{messages}} 条消息）保存到 {{path}}',
    importProgress: '正在导入… {{done}}/{{total}} 个对话',
    importChecking: '正在读取并检查文件…',
    importCancel: '取消导入',
    importCancelled:
      '导入已取消：停止前已添加 {{conversations}} 个新对话和 {{messages}} 条消息。再次导入该文件即可添加其余部分。',
    importTooLarge: '此文件大小为 {{size}} MB，导入上限为 {{limit}} MB。未导入任何内容。',
    importTooNew:
      '此导出文件由更新版本的 Fleece 生成（格式 {{version}}）。请更新 Fleece 后再导入；未导入任何内容。',
    imported: '已导入 {{conversations}} 个新对话和 {{messages}} 条消息（{{skipped}} 条已存在）。',
  },
};
export default settings;
