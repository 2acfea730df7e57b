import type { Translation } from '../shape';
import type en from '../en/errors';

const errors: Translation<typeof en> = {
  relaySaid: '中转站返回：',
  action: {
    openKey: '打开密钥设置',
    pickModel: '选择其他模型',
    continue: '继续生成',
    retry: '重试',
    retryIn: '{{seconds}} 秒后重试',
  },
  kind: {
    auth: {
      title: '中转站拒绝了 API 密钥',
      body: '密钥错误、已过期，或属于其他服务。请粘贴该中转站发给你的密钥。',
    },
    model_not_found: {
      title: '中转站不提供这个模型',
      body: '各中转站使用自己的模型名称。请从中转站的模型列表中选择。',
    },
    bad_request: {
      title: '中转站拒绝了请求',
      body: '请求中的某些内容未被接受。下面是中转站返回的原始说明。',
    },
    rate_limited: {
      title: '请求过于频繁',
      body: '中转站要求放慢请求速度。倒计时结束后即可重试。',
    },
    server: {
      title: '中转站出现故障',
      body: '中转站或其背后的模型出错了。重试通常可以解决。',
    },
    network: {
      title: '无法连接中转站',
      body: '请检查网络连接、代理或 VPN，然后重试。',
    },
    timeout_connect: {
      title: '中转站响应超时',
      body: '在连接超时时间内没有收到响应。请重试，或在设置中延长超时时间。',
    },
    timeout_idle: {
      title: '回答停滞了',
      body: '太长时间没有收到任何数据，Fleece 已停止等待。已收到的内容会保留，你可以让它继续生成。',
    },
    interrupted: {
      title: '回答被中断',
      body: '模型还没写完，数据流就结束了。已收到的内容会保留，你可以让它继续生成。',
    },
    protocol: {
      title: '中转站返回了无法解析的数据',
      body: '数据流格式有误。已收到的内容会保留。重试通常可以解决。',
    },
    aborted: {
      title: '已停止',
      body: '回答已被停止。已收到的内容会保留，你可以让它继续生成。',
    },
    timeout_first_byte: {
      title: '中转站迟迟没有开始回答',
      body: '中转站已收到请求，但没有及时开始回答。请求没有被重复发送，因此不会重复计费。还没有收到任何文字，所以没有内容需要保留；请稍后重试。',
    },
    no_answer: {
      title: '没有收到回答',
      body: '在收到任何文字之前连接就结束了，所以没有内容需要保留。请重试。',
    },
    too_large: {
      title: '回答已达到大小上限',
      body: '为防止失控的回答占满内存或磁盘，Fleece 已停止读取。上限以内的内容会保留。你可以在设置中调高上限。',
    },
    too_long: {
      title: '回答已达到时间上限',
      body: '回答耗时超过了设置中的上限，Fleece 已将其停止。已收到的内容会保留，你可以让它继续生成。',
    },
    redirect_refused: {
      title: '中转站把请求转到了别处',
      body: '中转站将请求重定向到另一个地址。Fleece 不会把你的对话发送到那里。如果中转站已更换地址，请在设置中修改 Base URL。',
    },
    proxy: {
      title: '代理拦下了请求',
      body: '请求已发到“设置 → 网络”中设置的代理，但代理没有转发。请检查代理设置后重试。',
    },
  },
};
export default errors;
