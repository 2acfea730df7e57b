import type { Translation } from '../shape';
import type en from '../en/chat';

const chat: Translation<typeof en> = {
  view: {
    label: 'Cuộc trò chuyện',
    newChat: 'Trò chuyện mới',
    emptyTitle: 'Bắt đầu một cuộc trò chuyện',
    empty: 'Hỏi bất cứ điều gì. Các cuộc trò chuyện được lưu ngay trên máy của bạn.',
    conversationSettings: 'Cài đặt cuộc trò chuyện',
    rename: 'Đổi tên',
    titleLabel: 'Tiêu đề cuộc trò chuyện',
    loading: 'Đang mở cuộc trò chuyện…',
    suggestionsLabel: 'Gợi ý để bắt đầu',
    suggestExplain: 'Giải thích một khái niệm',
    suggestExplainPrompt:
      'Hãy giải thích mã hóa khóa công khai hoạt động thế nào, như đang nói với một bạn tuổi teen ham học hỏi.',
    suggestEmail: 'Soạn một email lịch sự',
    suggestEmailPrompt:
      'Soạn một email ngắn, lịch sự nhờ chủ nhà sửa hệ thống sưởi trong tuần này.',
    suggestSummary: 'Tóm tắt một đoạn văn',
    suggestSummaryPrompt: 'Tóm tắt đoạn văn sau thành năm gạch đầu dòng:\n\n',
    suggestCode: 'Viết một hàm nhỏ',
    suggestCodePrompt:
      'Viết một hàm TypeScript nhóm một mảng đối tượng theo một khóa, kèm kiểm thử.',
  },
  list: {
    label: 'Tin nhắn',
    jumpToLatest: 'Tới tin mới nhất',
    newBelow: 'Có nội dung mới bên dưới',
  },
  message: {
    you: 'Bạn',
    assistant: 'Trợ lý',
    waiting: 'Đang chờ token đầu tiên',
    streaming: 'Đang viết câu trả lời',
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
    more: 'Thêm thao tác',
    copyMarkdown: 'Sao chép dạng Markdown',
    copyText: 'Sao chép dạng văn bản thuần',
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
    toolbar: 'Tùy chọn tin nhắn',
    attach: 'Đính kèm tệp',
    model: 'Chọn mô hình',
    parameters: 'Tham số trò chuyện',
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
    title: 'Cuộc trò chuyện này',
    close: 'Đóng',
    saved: 'Đã lưu',
  },
  long: {
    showAll: 'Hiện tất cả',
    showLess: 'Thu gọn',
  },
};
export default chat;
