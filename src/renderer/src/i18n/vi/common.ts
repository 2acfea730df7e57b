import type { Translation } from '../shape';
import type en from '../en/common';

const common: Translation<typeof en> = {
  close: 'Đóng',
  dismiss: 'Đóng',
  offline: {
    title: 'Mất kết nối.',
    body: 'Không kết nối được tới relay nên tạm thời không gửi được tin nhắn. Bạn vẫn xem và tìm kiếm các cuộc trò chuyện bình thường.',
    retry: 'Thử kết nối lại',
  },
  storage: {
    answerUnsaved:
      'Chưa được lưu: ổ đĩa từ chối ghi. Toàn bộ câu trả lời vẫn được giữ lại và sẽ được lưu ngay khi ổ đĩa cho phép ghi.',
    storage_full: {
      title: 'Ổ đĩa đã đầy: Fleece không lưu được.',
      fix: 'Hãy giải phóng bớt dung lượng trên ổ đĩa này. Những gì bạn đang thấy không bị mất: Fleece giữ chúng trong bộ nhớ và lưu ngay khi có chỗ trống.',
    },
    storage_read_only: {
      title: 'Thư mục dữ liệu đang ở chế độ chỉ đọc: Fleece không lưu được.',
      fix: 'Hãy cho phép ghi vào thư mục (hoặc gắn lại ổ đĩa ở chế độ đọc-ghi). Trong lúc chờ, những gì bạn thấy vẫn được giữ trong bộ nhớ.',
    },
    storage_denied: {
      title: 'Fleece không có quyền ghi vào thư mục dữ liệu.',
      fix: 'Hãy cấp quyền ghi cho người dùng của bạn trên thư mục bên dưới (sau khi chạy bằng sudo, thư mục có thể thuộc về người dùng khác).',
    },
    storage_io: {
      title: 'Ổ đĩa báo lỗi khi Fleece đang lưu.',
      fix: 'Hãy kiểm tra ổ đĩa. Cứ vài giây Fleece lại thử ghi những phần đang chờ.',
    },
    unsaved: 'Số câu trả lời đang chờ lưu: {{count}}.',
  },
  notices: {
    label: 'Thông báo',
    previous: 'Thông báo trước',
    next: 'Thông báo sau',
    count: '{{index}} / {{total}}',
  },
  toasts: {
    label: 'Thông báo nhanh',
  },
  shortcuts: {
    title: 'Phím tắt',
    groups: {
      app: 'Ở mọi nơi',
      composer: 'Khi soạn tin nhắn',
      conversation: 'Danh sách cuộc trò chuyện',
    },
    items: {
      newChat: 'Trò chuyện mới',
      search: 'Tìm kiếm cuộc trò chuyện',
      settings: 'Mở cài đặt',
      toggleSidebar: 'Hiện hoặc ẩn thanh bên',
      shortcuts: 'Xem các phím tắt',
      stop: 'Dừng câu trả lời',
      send: 'Gửi',
      newline: 'Xuống dòng',
      editLast: 'Sửa tin nhắn gần nhất (khi ô soạn trống)',
      rename: 'Đổi tên',
      pin: 'Ghim hoặc bỏ ghim',
      delete: 'Xóa',
      rowMenu: 'Thao tác khác',
    },
  },
  sidebar: {
    label: 'Cuộc trò chuyện',
    newChat: 'Trò chuyện mới',
    search: 'Tìm kiếm cuộc trò chuyện',
    searchPlaceholder: 'Tìm kiếm ({{keys}})',
    searching: 'Đang tìm…',
    noResults: 'Không tìm thấy kết quả nào.',
    resultsLabel: 'Kết quả tìm kiếm',
    moreResults: 'Xem thêm kết quả',
    loadMore: 'Tải các cuộc trò chuyện cũ hơn',
    untitled: 'Cuộc trò chuyện mới',
    pinned: 'Đã ghim',
    moreActions: 'Thao tác khác cho “{{title}}”',
    exportMarkdown: 'Xuất ra Markdown',
    rename: 'Đổi tên',
    renameLabel: 'Tiêu đề cuộc trò chuyện',
    pin: 'Ghim',
    unpin: 'Bỏ ghim',
    delete: 'Xóa',
    deleted: 'Đã chuyển “{{title}}” vào thùng rác.',
    undo: 'Hoàn tác',
    usage: 'Chi phí & sử dụng',
    settings: 'Cài đặt',
    streaming: 'Đang trả lời…',
    expand: 'Mở rộng thanh bên',
    collapse: 'Thu gọn thanh bên',
    emptyTitle: 'Chưa có cuộc trò chuyện nào',
    emptyHint: 'Bắt đầu bằng nút Trò chuyện mới ({{keys}}).',
    noResultsHint: 'Hãy thử từ khác: gõ có dấu hay không dấu, hoa hay thường đều được.',
    group: {
      pinned: 'Đã ghim',
      today: 'Hôm nay',
      yesterday: 'Hôm qua',
      week: '7 ngày trước',
      older: 'Cũ hơn',
    },
  },
  renderError: {
    message:
      'Không thể hiển thị tin nhắn này như bình thường, nên nội dung được hiển thị nguyên văn.',
    list: 'Không thể hiển thị cuộc trò chuyện này như bình thường, nên các tin nhắn được hiển thị dạng văn bản thuần.',
    screen:
      'Không thể hiển thị màn hình này. Các màn hình khác vẫn hoạt động; chi tiết đã được ghi vào bảng điều khiển dành cho nhà phát triển.',
  },
};
export default common;
