import type { Translation } from '../shape';
import type en from '../en/settings';

const settings: Translation<typeof en> = {
  title: 'Cài đặt',
  tabs: {
    general: 'Chung',
    profiles: 'Hồ sơ',
    models: 'Mô hình & giá',
    data: 'Dữ liệu',
    shortcuts: 'Phím tắt',
    about: 'Giới thiệu',
  },
  about: {
    tagline: 'Ứng dụng trò chuyện trên máy tính cho các relay tương thích OpenAI.',
    version: 'Phiên bản',
    dataFolder: 'Thư mục dữ liệu',
    licence: 'Giấy phép',
    thirdParty: 'Phần mềm nguồn mở được dùng trong Fleece',
  },
  presets: { custom: 'Tùy chỉnh' },
  profiles: {
    title: 'Hồ sơ kết nối',
    edit: 'Hồ sơ',
    activeMark: 'đang dùng',
    useThis: 'Dùng hồ sơ này',
    delete: 'Xóa hồ sơ',
    confirmDelete: 'Xóa hồ sơ “{{name}}” cùng khóa API đã lưu?',
    newFrom: 'Tạo hồ sơ mới từ',
    none: 'Chưa có hồ sơ nào: hãy thêm một hồ sơ ở bên dưới.',
    addTitle: 'Thêm hồ sơ',
    add: 'Thêm hồ sơ',
  },
  profile: {
    name: 'Tên',
    baseUrl: 'Địa chỉ API (Base URL)',
    apiKey: 'Khóa API',
    keyPlaceholder: 'Dán khóa vào đây (được lưu trong kho khóa của hệ điều hành)',
    keyOptional: 'Máy chủ này không cần khóa',
    model: 'Mô hình',
    advanced: 'Mặc định, dự phòng và thời gian chờ',
    systemPrompt: 'Lời nhắc hệ thống mặc định cho cuộc trò chuyện mới',
    temperature: 'Nhiệt độ mặc định (0–2, để trống: theo mô hình)',
    temperatureInvalid: 'Nhiệt độ phải là một số từ 0 đến 2.',
    fallbacks: 'Địa chỉ dự phòng (mỗi dòng một địa chỉ)',
    connectTimeout: 'Thời gian chờ kết nối (giây)',
    idleTimeout: 'Thời gian chờ dữ liệu (giây)',
    timeoutInvalid: 'Thời gian chờ phải là số giây lớn hơn 0.',
    allowInsecure:
      'Tôi hiểu: máy chủ này dùng http không mã hóa, nên khóa và tin nhắn của tôi được gửi đi mà không được bảo vệ.',
    keyRemoved:
      'Khóa API đã bị xóa vì hồ sơ giờ trỏ tới một máy chủ khác. Hãy dán khóa dành cho máy chủ đó.',
    save: 'Lưu',
    saved: 'Đã lưu.',
  },
  key: {
    none: 'Chưa lưu khóa nào.',
    currentKeychain: 'Khóa {{masked}} được lưu trong kho khóa của hệ điều hành.',
    currentSession: 'Khóa {{masked}} chỉ được giữ trong phiên này.',
    sessionOnly:
      'Không dùng được kho khóa của hệ điều hành, nên khóa chỉ được giữ trong bộ nhớ cho tới khi đóng Fleece và không bao giờ được ghi ra đĩa.',
    clear: 'Xóa khóa',
  },
  probe: {
    button: 'Kiểm tra kết nối',
    running: 'Đang kiểm tra…',
    ttft: 'Thời gian tới token đầu tiên: {{ms}}',
    noTtft: 'Không đo được thời gian tới token đầu tiên.',
    status: {
      ok: 'Tốt',
      warn: 'Lưu ý',
      fail: 'Lỗi',
      skipped: 'Bỏ qua',
    },
  },
  addDialog: {
    title: 'Thêm hồ sơ',
    intro: 'Một hồ sơ mới sẽ được tạo; các hồ sơ hiện có được giữ nguyên.',
    preset: 'Bắt đầu từ',
    create: 'Tạo hồ sơ',
    cancel: 'Hủy',
    close: 'Đóng',
    created: 'Đã tạo hồ sơ “{{name}}”.',
  },
  check: {
    checking: 'Đang kiểm tra kết nối…',
    saveAnyway: 'Vẫn lưu',
    useUrl: 'Dùng {{url}}',
    passed: 'Đã kiểm tra kết nối: có {{count}} mô hình.',
    buffered: 'Lần kiểm tra kết nối gần nhất phát hiện một proxy giữ câu trả lời lại rồi mới gửi.',
  },
  keyDrop: {
    title: 'Xóa khóa đã lưu?',
    body: 'Sau thay đổi này, hồ sơ sẽ gửi yêu cầu tới {{host}}, một máy chủ mà khóa {{masked}} không dành cho. Fleece sẽ xóa khóa để nó không bao giờ bị gửi tới đó; sau đó hãy dán khóa của máy chủ mới.',
    confirm: 'Đổi máy chủ và xóa khóa',
    cancel: 'Giữ khóa',
  },
  prefs: {
    title: 'Tùy chọn',
    language: 'Ngôn ngữ',
    systemLanguage: 'Theo hệ thống',
    theme: 'Giao diện',
    themes: {
      system: 'Theo hệ thống',
      light: 'Sáng',
      dark: 'Tối',
    },
    answerLimitMb: 'Câu trả lời lớn nhất (MB văn bản)',
    answerLimitMinutes: 'Câu trả lời dài nhất (phút)',
    answerLimitsNote:
      'Fleece dừng câu trả lời vượt một trong hai giới hạn và giữ phần văn bản tới đó, để relay lỗi không thể làm đầy bộ nhớ hay ổ đĩa.',
  },
  prices: {
    title: 'Giá cho mỗi triệu token',
  },
  data: {
    title: 'Dữ liệu của bạn',
    location: 'Các cuộc trò chuyện và cài đặt được lưu tại {{dir}}',
    export: 'Xuất toàn bộ cuộc trò chuyện (JSON)',
    import: 'Nhập cuộc trò chuyện (JSON)',
    exporting: 'Đang xuất…',
    exported: 'Đã lưu {{conversations}} cuộc trò chuyện ({{messages}} tin nhắn) vào {{path}}',
    importProgress: 'Đang nhập… {{done}}/{{total}} cuộc trò chuyện',
    importChecking: 'Đang đọc và kiểm tra tệp…',
    importCancel: 'Hủy nhập',
    importCancelled:
      'Đã hủy nhập: {{conversations}} cuộc trò chuyện mới và {{messages}} tin nhắn đã được thêm trước khi dừng. Hãy nhập lại tệp để thêm phần còn lại.',
    imported:
      'Đã nhập {{conversations}} cuộc trò chuyện mới và {{messages}} tin nhắn ({{skipped}} tin đã có sẵn).',
  },
};
export default settings;
