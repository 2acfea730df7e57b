import type { Translation } from '../shape';
import type en from '../en/common';

const common: Translation<typeof en> = {
  dismiss: 'Đóng',
  offline: {
    title: 'Mất kết nối.',
    body: 'Không kết nối được tới relay nên tạm thời không gửi được tin nhắn. Bạn vẫn xem và tìm kiếm các cuộc trò chuyện bình thường.',
    retry: 'Thử kết nối lại',
  },
  sidebar: {
    label: 'Cuộc trò chuyện',
    newChat: 'Trò chuyện mới',
    search: 'Tìm kiếm cuộc trò chuyện',
    searchPlaceholder: 'Tìm hội thoại (Ctrl+K)',
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
    group: {
      pinned: 'Đã ghim',
      today: 'Hôm nay',
      yesterday: 'Hôm qua',
      week: '7 ngày trước',
      older: 'Cũ hơn',
    },
  },
};
export default common;
