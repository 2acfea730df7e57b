import type { Translation } from '../shape';
import type en from '../en/onboarding';

const onboarding: Translation<typeof en> = {
  title: '欢迎使用 Fleece',
  intro:
    '连接一个中转站即可开始聊天。HolySheep 用一个密钥即可调用 GPT、Claude、DeepSeek 等多种模型。',
  provider: '服务商',
  baseUrl: '接口地址（Base URL）',
  apiKey: 'API 密钥',
  getKey: '还没有密钥？',
  getKeyLink: '获取 HolySheep 密钥',
  model: '模型',
  save: '保存',
  back: '返回对话',
  checking: '正在检查连接…',
  keychain: '密钥保存在系统钥匙串中，不会写入 Fleece 的任何文件。',
  keychainSession: '本次没有可用的系统钥匙串：密钥只在本次会话中保留，绝不写入磁盘。',
  card: {
    title: '连接一个中转站即可发送消息',
    body: '即使没有连接，你的对话仍可阅读、搜索和导出。',
    open: '设置连接',
  },
  env: {
    title: '在环境变量中发现密钥',
    found: '已为 {{url}} 设置 OPENAI_API_KEY（{{masked}}）。要导入为一个配置吗？',
    import: '从环境变量导入',
  },
  local: {
    title: '发现本地服务器',
    found: '{{name}} 正在 {{url}} 运行，可用模型：{{count}} 个。',
    use: '使用此服务器',
  },
};
export default onboarding;
