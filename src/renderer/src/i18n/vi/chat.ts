import type { Translation } from '../shape';
import type en from '../en/chat';

const chat: Translation<typeof en> = {
  view: {
    label: 'Cuộc trò chuyện',
    newChat: 'Trò chuyện mới',
    empty: 'Hỏi bất cứ điều gì. Các cuộc trò chuyện được lưu ngay trên máy của bạn.',
    conversationSettings: 'Cài đặt cuộc trò chuyện',
  },
  list: {
    label: 'Tin nhắn',
    jumpToLatest: 'Tới tin mới nhất',
  },
  message: {
    you: 'Bạn',
    assistant: 'Trợ lý',
    waiting: 'Đang chờ token đầu tiên',
  },
  markdown: {
    copy: 'Sao chép',
    copied: 'Đã sao chép',
    copyFailed: 'Không sao chép được',
    plainText: 'văn bản',
    loadImage: 'Tải ảnh từ {host}',
    loadingImage: 'Đang tải ảnh…',
    imageFailed: 'Không tải được ảnh.',
    taskDone: 'Đã xong',
    taskOpen: 'Chưa xong',
  },
  action: {
    stop: 'Dừng',
    continue: 'Viết tiếp',
    copy: 'Sao chép',
    copied: 'Đã sao chép',
    regenerate: 'Tạo lại',
    edit: 'Sửa',
    delete: 'Xóa',
  },
  editor: {
    label: 'Sửa tin nhắn',
    resend: 'Lưu và gửi lại',
    cancel: 'Hủy',
  },
  composer: {
    label: 'Tin nhắn',
    placeholder: 'Nhập tin nhắn (Enter để gửi, Shift+Enter để xuống dòng)',
    send: 'Gửi',
  },
  model: {
    label: 'Mô hình',
    refresh: 'Làm mới danh sách mô hình',
    cached: 'Đang ngoại tuyến: hiển thị danh sách mô hình đã lưu.',
  },
  reasoning: {
    title: 'Suy luận',
    thinking: 'Đang suy nghĩ…',
    thoughtFor: 'Đã suy nghĩ trong {{duration}}',
  },
  footer: {
    tokens: '{{prompt}} token vào · {{completion}} token ra',
    estimated: 'ước tính',
    cost: 'chi phí {{cost}}',
    costUnknown: 'chi phí —',
    ttft: 'token đầu tiên sau {{ms}}',
    speed: '{{tps}} token/giây',
  },
  settings: {
    systemPrompt: 'Lời nhắc hệ thống (system prompt)',
    temperature: 'Nhiệt độ (0–2)',
    temperatureDefault: 'Theo hồ sơ',
    temperatureInvalid: 'Nhiệt độ phải là một số từ 0 đến 2.',
    apply: 'Áp dụng',
  },
};
export default chat;
