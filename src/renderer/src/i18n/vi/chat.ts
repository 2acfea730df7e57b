import type { Translation } from '../shape';
import type en from '../en/chat';

const chat: Translation<typeof en> = {
  view: {
    label: 'Cuộc trò chuyện',
    newChat: 'Trò chuyện mới',
    emptyTitle: 'Bắt đầu một cuộc trò chuyện',
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
  retryWait: {
    rateLimited: 'Bị giới hạn tốc độ — thử lại sau {{seconds}} giây',
    retrying: 'Thử lại sau {{seconds}} giây',
    rateLimitedNow: 'Bị giới hạn tốc độ — đang thử lại',
    retryingNow: 'Đang thử lại',
    cancel: 'Hủy',
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
    plainFallback:
      'Hiển thị dạng văn bản thuần: phần này quá lớn hoặc lồng nhau quá sâu để định dạng.',
    linkConfirmTitle: 'Mở liên kết này?',
    linkMismatch: 'Chữ của liên kết hiển thị một địa chỉ khác với địa chỉ mà nó sẽ mở.',
    linkLocal: 'Liên kết này dẫn tới chính máy tính này hoặc mạng nội bộ của bạn.',
    linkOpen: 'Mở liên kết',
    linkCancel: 'Hủy',
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
    tooLong:
      'Tin nhắn của bạn có dung lượng {{size}} MB; giới hạn là {{limit}} MB. Hãy rút ngắn hoặc gửi thành nhiều phần.',
    label: 'Tin nhắn',
    placeholder: 'Nhập tin nhắn (Enter để gửi, Shift+Enter để xuống dòng)',
    send: 'Gửi',
  },
  model: {
    label: 'Mô hình',
    refresh: 'Làm mới danh sách mô hình',
    cached: 'Đang ngoại tuyến: hiển thị danh sách mô hình đã lưu.',
    moreHidden: 'Còn {{number}} mô hình khớp nữa: gõ một phần tên để thu hẹp danh sách.',
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
  long: {
    showAll: 'Hiện tất cả',
    showLess: 'Thu gọn',
  },
};
export default chat;
