import type { Translation } from '../shape';
import type en from '../en/errors';

const errors: Translation<typeof en> = {
  relaySaid: 'Relay trả lời:',
  action: {
    openKey: 'Mở cài đặt khóa API',
    pickModel: 'Chọn mô hình khác',
    continue: 'Viết tiếp',
    retry: 'Thử lại',
    retryIn: 'Thử lại sau {{seconds}} giây',
  },
  kind: {
    auth: {
      title: 'Relay từ chối khóa API',
      body: 'Khóa sai, đã hết hạn hoặc dành cho dịch vụ khác. Hãy dán khóa mà relay này cấp cho bạn.',
    },
    model_not_found: {
      title: 'Relay không hỗ trợ mô hình này',
      body: 'Mỗi relay dùng tên mô hình riêng. Hãy chọn một mô hình trong danh sách của relay.',
    },
    bad_request: {
      title: 'Relay từ chối yêu cầu',
      body: 'Có nội dung trong yêu cầu không được chấp nhận. Thông báo gốc của relay ở bên dưới.',
    },
    rate_limited: {
      title: 'Gửi quá nhiều yêu cầu',
      body: 'Relay yêu cầu Fleece chậm lại. Bạn có thể thử lại khi hết thời gian đếm ngược.',
    },
    server: {
      title: 'Relay gặp sự cố',
      body: 'Relay hoặc mô hình phía sau bị lỗi. Thử lại thường sẽ được.',
    },
    network: {
      title: 'Không kết nối được tới relay',
      body: 'Hãy kiểm tra kết nối Internet, proxy hoặc VPN rồi thử lại.',
    },
    timeout_connect: {
      title: 'Relay không phản hồi kịp',
      body: 'Không nhận được phản hồi trong thời gian chờ kết nối. Hãy thử lại hoặc tăng thời gian chờ trong Cài đặt.',
    },
    timeout_idle: {
      title: 'Câu trả lời bị treo',
      body: 'Quá lâu không nhận được dữ liệu nên Fleece đã ngừng chờ. Phần đã nhận vẫn được giữ; bạn có thể cho viết tiếp.',
    },
    interrupted: {
      title: 'Câu trả lời bị ngắt giữa chừng',
      body: 'Luồng dữ liệu kết thúc trước khi mô hình trả lời xong. Phần đã nhận vẫn được giữ; bạn có thể cho viết tiếp.',
    },
    protocol: {
      title: 'Relay gửi dữ liệu mà Fleece không đọc được',
      body: 'Luồng dữ liệu bị lỗi định dạng. Phần đã nhận vẫn được giữ. Thử lại thường sẽ được.',
    },
    aborted: {
      title: 'Đã dừng',
      body: 'Câu trả lời đã bị dừng. Phần đã nhận vẫn được giữ; bạn có thể cho viết tiếp.',
    },
    timeout_first_byte: {
      title: 'Relay chậm bắt đầu trả lời',
      body: 'Relay đã nhận yêu cầu nhưng chưa kịp bắt đầu trả lời. Yêu cầu không bị gửi lại nên bạn không bị tính tiền hai lần. Chưa nhận được chữ nào nên không có gì để giữ; hãy thử lại sau ít phút.',
    },
    no_answer: {
      title: 'Không nhận được câu trả lời',
      body: 'Kết nối đã kết thúc trước khi có chữ nào được gửi tới, nên không có gì để giữ. Hãy thử lại.',
    },
    too_large: {
      title: 'Câu trả lời đã chạm giới hạn dung lượng',
      body: 'Fleece ngừng đọc để một câu trả lời không dứt không làm đầy bộ nhớ hay ổ đĩa. Phần văn bản đến giới hạn vẫn được giữ. Bạn có thể nâng giới hạn trong Cài đặt.',
    },
    too_long: {
      title: 'Câu trả lời đã chạm giới hạn thời gian',
      body: 'Câu trả lời kéo dài hơn giới hạn đặt trong Cài đặt nên Fleece đã dừng nó. Phần đã nhận vẫn được giữ; bạn có thể cho viết tiếp.',
    },
    redirect_refused: {
      title: 'Relay chuyển yêu cầu sang nơi khác',
      body: 'Relay chuyển hướng yêu cầu sang một địa chỉ khác. Fleece không gửi cuộc trò chuyện của bạn tới đó. Nếu relay đã đổi địa chỉ, hãy sửa Base URL trong Cài đặt.',
    },
    proxy: {
      title: 'Proxy đã chặn yêu cầu',
      body: 'Yêu cầu đã tới proxy đặt trong Cài đặt → Mạng nhưng proxy không chuyển tiếp nó. Hãy kiểm tra thiết lập proxy rồi thử lại.',
    },
  },
};
export default errors;
