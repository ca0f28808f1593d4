export const vi = {
  app: {
    name: 'IRM — Xúc tiến đầu tư',
    shortName: 'IRM',
    tagline: 'Quản lý quan hệ nhà đầu tư',
    documentTitle: '{{page}} · IRM Xúc tiến đầu tư',
  },
  shell: {
    skipToContent: 'Chuyển đến nội dung chính',
    mainNavigation: 'Điều hướng chính',
    toggleNavigation: 'Mở hoặc đóng menu',
  },
  nav: {
    overview: 'Tổng quan',
  },
  language: {
    label: 'Ngôn ngữ',
    vi: 'Tiếng Việt',
    en: 'English',
  },
  health: {
    label: 'Trạng thái hệ thống',
    ok: 'Hoạt động',
    degraded: 'Có sự cố',
    unreachable: 'Mất kết nối',
    checking: 'Đang kiểm tra',
    database: 'Cơ sở dữ liệu',
    redis: 'Hàng đợi (Redis)',
    up: 'bình thường',
    down: 'không phản hồi',
    serverUnreachable: 'Không kết nối được máy chủ',
  },
  home: {
    title: 'Tổng quan',
    description: 'Quỹ đất các khu công nghiệp và cụm công nghiệp trên địa bàn tỉnh',
  },
  landBank: {
    type: {
      industrial_park: 'Khu công nghiệp',
      industrial_cluster: 'Cụm công nghiệp',
    },
    abbreviation: {
      industrial_park: 'KCN',
      industrial_cluster: 'CCN',
    },
    zoneCount: {
      industrial_park: 'Số khu',
      industrial_cluster: 'Số cụm',
    },
    totalArea: 'Tổng diện tích',
    industrialLand: 'Đất công nghiệp',
    usageTitle: 'Đất công nghiệp theo tình trạng',
    occupancy: 'Lấp đầy {{percent}}',
    occupancyHint: 'Tỷ lệ đất công nghiệp đã cho thuê',
    leased: 'Đã cho thuê',
    reserved: 'Đã giữ chỗ',
    available: 'Còn trống',
    chartLabel: '{{type}}: đã cho thuê {{leased}}, đã giữ chỗ {{reserved}}, còn trống {{available}}',
    emptyTitle: 'Chưa có dữ liệu quỹ đất',
    emptyDescription: 'Khi các khu, cụm công nghiệp được nhập vào hệ thống, số liệu sẽ hiển thị tại đây.',
  },
  errors: {
    loadFailed: 'Không tải được dữ liệu',
    network: 'Không kết nối được máy chủ. Hãy kiểm tra kết nối mạng rồi thử lại.',
    unexpected: 'Đã xảy ra lỗi không mong muốn.',
    retry: 'Thử lại',
    requestId: 'Mã yêu cầu: {{id}}',
  },
  notFound: {
    title: 'Không tìm thấy trang',
    description: 'Không có trang nào tại địa chỉ {{path}}. Có thể trang đã được chuyển hoặc địa chỉ bị gõ sai.',
    back: 'Về trang tổng quan',
  },
  routeError: {
    title: 'Trang này gặp lỗi',
    description: 'Ứng dụng gặp lỗi khi hiển thị trang. Tải lại trang thường sẽ khắc phục được.',
    reload: 'Tải lại trang',
  },
};

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
/** The shape every language must provide: same keys as Vietnamese, any wording. */
export type Translation = Strings<typeof vi>;
