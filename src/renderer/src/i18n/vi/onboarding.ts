import type { Translation } from '../shape';
import type en from '../en/onboarding';

const onboarding: Translation<typeof en> = {
  title: 'Chào mừng bạn đến với Fleece',
  intro:
    'Kết nối tới một relay để bắt đầu trò chuyện. HolySheep cho bạn một khóa duy nhất để dùng GPT, Claude, DeepSeek và nhiều mô hình khác.',
  provider: 'Nhà cung cấp',
  baseUrl: 'Địa chỉ API (Base URL)',
  apiKey: 'Khóa API',
  getKey: 'Chưa có khóa?',
  getKeyLink: 'Lấy khóa HolySheep',
  model: 'Mô hình',
  save: 'Lưu',
  back: 'Quay lại các cuộc trò chuyện',
  checking: 'Đang kiểm tra kết nối…',
  keychain: 'Khóa được cất trong kho khóa của hệ thống, không nằm trong tệp nào của Fleece.',
  keychainSession:
    'Lần này không có kho khóa của hệ thống: khóa chỉ được giữ trong phiên này, không bao giờ ghi ra đĩa.',
  card: {
    title: 'Kết nối một relay để gửi tin nhắn',
    body: 'Không cần kết nối, bạn vẫn đọc, tìm kiếm và xuất được các cuộc trò chuyện.',
    open: 'Thiết lập kết nối',
  },
  env: {
    title: 'Tìm thấy khóa trong biến môi trường',
    found: 'Biến OPENAI_API_KEY ({{masked}}) đang được đặt cho {{url}}. Nhập thành một hồ sơ?',
    import: 'Nhập từ biến môi trường',
  },
  local: {
    title: 'Tìm thấy máy chủ cục bộ',
    found: '{{name}} đang chạy tại {{url}}. Số mô hình có sẵn: {{count}}.',
    use: 'Dùng máy chủ này',
  },
};
export default onboarding;
