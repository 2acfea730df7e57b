import type { StartupProblemCode } from './startupProblems';

/**
 * The start-up dialog appears before the window (and its translations) exist, so its few texts
 * live here, per code and language. `{path}` is replaced by the file or folder concerned.
 */
export type StartupLocale = 'en' | 'vi' | 'zh-CN';

export interface StartupText {
  title: string;
  /** What happened and what to do next. */
  body: string;
}

interface LocaleTexts {
  problems: Record<StartupProblemCode, StartupText>;
  quit: string;
  openReadOnly: string;
  details: string;
}

export const STARTUP_TEXTS: Record<StartupLocale, LocaleTexts> = {
  en: {
    problems: {
      history_too_new: {
        title: 'Your history was written by a newer Fleece',
        body: 'The file {path} comes from a newer version of Fleece, which this version cannot update safely. Install the newer Fleece to keep using it, or open it read-only to browse your conversations (nothing is changed).',
      },
      data_read_only: {
        title: 'Fleece’s data folder is read-only',
        body: 'Fleece cannot save anything in {path} because the disk or folder is read-only. Make it writable (or remount the disk read-write), then start Fleece again.',
      },
      data_not_writable: {
        title: 'Fleece cannot write to its data folder',
        body: 'Your user has no write permission for {path}. Give it write permission, then start Fleece again.',
      },
      data_owned_by_other: {
        title: 'Fleece’s files belong to another user',
        body: '{path} is owned by another user (this happens after running Fleece with sudo). Give the files back to your user, for example: sudo chown -R "$USER" on the data folder, then start Fleece again.',
      },
      data_disk_full: {
        title: 'The disk is full',
        body: 'Fleece cannot start because there is no space left for {path}. Free some space on this disk, then start Fleece again.',
      },
      start_failed: {
        title: 'Fleece could not start',
        body: 'Something went wrong while opening {path}. The details below and the log say more; nothing was deleted.',
      },
    },
    quit: 'Quit',
    openReadOnly: 'Open read-only',
    details: 'Details',
  },
  vi: {
    problems: {
      history_too_new: {
        title: 'Lịch sử của bạn được ghi bởi phiên bản Fleece mới hơn',
        body: 'Tệp {path} đến từ một phiên bản Fleece mới hơn, phiên bản này không thể nâng cấp nó an toàn. Hãy cài phiên bản Fleece mới hơn để tiếp tục dùng, hoặc mở ở chế độ chỉ đọc để xem lại các cuộc trò chuyện (không có gì bị thay đổi).',
      },
      data_read_only: {
        title: 'Thư mục dữ liệu của Fleece đang ở chế độ chỉ đọc',
        body: 'Fleece không thể lưu gì vào {path} vì ổ đĩa hoặc thư mục đang ở chế độ chỉ đọc. Hãy cho phép ghi (hoặc gắn lại ổ đĩa ở chế độ đọc-ghi), rồi mở lại Fleece.',
      },
      data_not_writable: {
        title: 'Fleece không ghi được vào thư mục dữ liệu',
        body: 'Người dùng của bạn không có quyền ghi vào {path}. Hãy cấp quyền ghi, rồi mở lại Fleece.',
      },
      data_owned_by_other: {
        title: 'Các tệp của Fleece thuộc về người dùng khác',
        body: '{path} thuộc về một người dùng khác (thường xảy ra sau khi chạy Fleece bằng sudo). Hãy trả quyền sở hữu cho người dùng của bạn, ví dụ: sudo chown -R "$USER" trên thư mục dữ liệu, rồi mở lại Fleece.',
      },
      data_disk_full: {
        title: 'Ổ đĩa đã đầy',
        body: 'Fleece không thể khởi động vì không còn chỗ trống cho {path}. Hãy giải phóng bớt dung lượng trên ổ đĩa này, rồi mở lại Fleece.',
      },
      start_failed: {
        title: 'Fleece không khởi động được',
        body: 'Đã xảy ra lỗi khi mở {path}. Phần chi tiết bên dưới và tệp nhật ký cho biết thêm; không có gì bị xóa.',
      },
    },
    quit: 'Thoát',
    openReadOnly: 'Mở chỉ để đọc',
    details: 'Chi tiết',
  },
  'zh-CN': {
    problems: {
      history_too_new: {
        title: '您的历史记录由更新版本的 Fleece 写入',
        body: '文件 {path} 来自更新版本的 Fleece，当前版本无法安全地升级它。请安装新版 Fleece 继续使用，或以只读方式打开以浏览您的对话（不会做任何更改）。',
      },
      data_read_only: {
        title: 'Fleece 的数据文件夹是只读的',
        body: '磁盘或文件夹为只读，Fleece 无法在 {path} 中保存任何内容。请使其可写（或以读写方式重新挂载磁盘），然后重新启动 Fleece。',
      },
      data_not_writable: {
        title: 'Fleece 无法写入其数据文件夹',
        body: '当前用户没有 {path} 的写入权限。请授予写入权限，然后重新启动 Fleece。',
      },
      data_owned_by_other: {
        title: 'Fleece 的文件属于其他用户',
        body: '{path} 属于其他用户（通常是用 sudo 运行过 Fleece 之后）。请把文件的所有权还给当前用户，例如对数据文件夹执行 sudo chown -R "$USER"，然后重新启动 Fleece。',
      },
      data_disk_full: {
        title: '磁盘已满',
        body: '没有足够的空间写入 {path}，Fleece 无法启动。请在此磁盘上腾出一些空间，然后重新启动 Fleece。',
      },
      start_failed: {
        title: 'Fleece 无法启动',
        body: '打开 {path} 时出错。下方的详细信息和日志中有更多说明；没有删除任何内容。',
      },
    },
    quit: '退出',
    openReadOnly: '以只读方式打开',
    details: '详细信息',
  },
};

/** The OS locale (`vi-VN`, `zh-Hans-CN`, `zh-CN`…) to one of the app's languages. */
export function startupLocale(osLocale: string): StartupLocale {
  const l = osLocale.toLowerCase();
  if (l.startsWith('vi')) return 'vi';
  if (l.startsWith('zh')) return 'zh-CN';
  return 'en';
}

export function startupText(
  code: StartupProblemCode,
  locale: StartupLocale,
  path: string,
): StartupText {
  const t = STARTUP_TEXTS[locale].problems[code];
  return { title: t.title, body: t.body.replaceAll('{path}', path) };
}
