/** Email delivery as people see it: on timelines, the admins' failed deliveries, the unsubscribe page. */
export const emailsVi = {
  status: {
    queued: 'Đang chờ gửi',
    sending: 'Đang gửi',
    sent: 'Đã gửi',
    failed: 'Gửi lỗi',
    not_sent: 'Không gửi',
  },
  statusHint: {
    queued: 'Email đang chờ đến lượt gửi; hệ thống sẽ tự thử lại nếu máy chủ thư chưa nhận.',
    sending: 'Email đang được chuyển tới máy chủ thư.',
    sent: 'Máy chủ thư đã nhận email.',
    failed: 'Máy chủ thư từ chối email sau mọi lần thử. Quản trị viên có thể gửi lại.',
    not_sent: 'Email không được gửi: người nhận đã hủy nhận email, hoặc hệ thống chưa cấu hình máy chủ thư.',
  },
  template: {
    notification: 'Thông báo',
    investor_notification: 'Thông báo cho nhà đầu tư',
    user_invitation: 'Lời mời dùng hệ thống',
    password_reset: 'Đặt lại mật khẩu',
  },
  attempts_one: '{{count}} lần thử',
  attempts_other: '{{count}} lần thử',
  lastError: 'Lỗi gần nhất',
  details: 'Chi tiết gửi',
  hideDetails: 'Ẩn chi tiết',
  to: 'Đến: {{recipient}}',
  sentAt: 'Đã gửi lúc {{when}}',
  failedAt: 'Lỗi lúc {{when}}',
  timelineTitle: 'Email: {{subject}}',
  failed: {
    title: 'Email gửi lỗi',
    description:
      'Những email máy chủ thư đã từ chối sau mọi lần thử. Hãy khắc phục nguyên nhân (địa chỉ, máy chủ thư) rồi gửi lại.',
    queues: 'Bảng theo dõi hàng đợi',
    columns: {
      recipient: 'Người nhận',
      subject: 'Tiêu đề',
      attempts: 'Số lần thử',
      lastError: 'Lỗi gần nhất',
      failedAt: 'Lỗi lúc',
      record: 'Hồ sơ',
    },
    actions: 'Thao tác',
    retry: 'Gửi lại',
    retryLabel: 'Gửi lại “{{subject}}” tới {{recipient}}',
    retried: 'Đã đưa “{{subject}}” vào hàng đợi gửi lại.',
    stale: 'Email này vừa thay đổi (có thể người khác đã gửi lại). Danh sách đã được tải lại.',
    retryFailed: 'Không gửi lại được email',
    emptyTitle: 'Không có email gửi lỗi',
    emptyDescription: 'Mọi email đều đã tới máy chủ thư hoặc vẫn đang được thử gửi.',
    shown: '{{count}} email gửi lỗi',
    noRecord: 'Không gắn hồ sơ',
    subjectType: {
      organization: 'Nhà đầu tư',
      contact: 'Người liên hệ',
      zone: 'Khu, cụm công nghiệp',
      prospect: 'Dự án tiềm năng',
      land_enquiry: 'Yêu cầu thuê đất',
      loan_application: 'Hồ sơ vay vốn',
      event_contact: 'Liên hệ từ sự kiện',
    },
  },
};

export const unsubscribeVi = {
  title: 'Hủy nhận email',
  body: 'Bạn sẽ không nhận thêm email từ cơ quan xúc tiến đầu tư, kể cả thông tin về hồ sơ bạn đã gửi và thư mời dự sự kiện.',
  bodyAgain: 'Bạn có thể đề nghị nhận lại email bất cứ lúc nào bằng cách liên hệ cơ quan xúc tiến đầu tư.',
  confirm: 'Hủy nhận email',
  doneTitle: 'Bạn đã hủy nhận email',
  doneBody:
    'Chúng tôi sẽ không gửi email cho bạn nữa. Nếu đây là nhầm lẫn, hãy liên hệ cơ quan xúc tiến đầu tư để được nhận lại.',
  invalidTitle: 'Liên kết không hợp lệ',
  invalidBody:
    'Liên kết hủy nhận email không đầy đủ hoặc không còn hiệu lực. Hãy mở lại liên kết trong email (sao chép toàn bộ), hoặc liên hệ cơ quan xúc tiến đầu tư.',
  failed: 'Chưa hủy nhận email được',
  pageTitle: 'Hủy nhận email',
};

export const notificationsVi = {
  title: 'Email nhắc việc',
  hint: 'Chọn những lời nhắc hệ thống gửi qua email cho bạn. Email về tài khoản (lời mời, đặt lại mật khẩu) luôn được gửi.',
  kinds: {
    task_reminder: {
      label: 'Nhắc việc',
      description: 'Đến giờ nhắc của một việc được giao cho bạn.',
    },
    sla_overdue: {
      label: 'Hồ sơ quá hạn',
      description: 'Khi hồ sơ bạn phụ trách ở một giai đoạn quá thời hạn xử lý.',
    },
    sla_escalation: {
      label: 'Hồ sơ quá hạn kéo dài',
      description: 'Dành cho quản lý: hồ sơ vẫn quá hạn sau vài ngày làm việc.',
    },
    event_follow_up: {
      label: 'Theo dõi sau sự kiện',
      description: 'Vài ngày làm việc sau sự kiện, về những người liên hệ vẫn ở bước “Đã gặp”.',
    },
    daily_digest: {
      label: 'Bản tin hằng ngày',
      description: '07:30 các ngày làm việc: hồ sơ có thay đổi, hồ sơ quá hạn và việc của bạn.',
    },
  },
  on: 'Đã bật: {{kind}}',
  off: 'Đã tắt: {{kind}}',
  saveFailed: 'Không lưu được lựa chọn nhắc việc',
  stale: 'Lựa chọn của bạn vừa được thay đổi ở cửa sổ khác. Đã tải lại; hãy chọn lại.',
  loadFailed: 'Không tải được lựa chọn nhắc việc',
};
