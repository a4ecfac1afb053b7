/** Word lists for realistic Vietnamese names and addresses (with diacritics, as on ID cards). */

export const FAMILY_NAMES = [
  'Nguyễn', 'Nguyễn', 'Nguyễn', 'Trần', 'Trần', 'Lê', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ',
  'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Trương', 'Lương', 'Mai', 'Tạ', 'Cao',
] as const;

export const MIDDLE_NAMES_MALE = ['Văn', 'Văn', 'Hữu', 'Đức', 'Minh', 'Quang', 'Công', 'Thành', 'Xuân', 'Gia', 'Anh', 'Trọng', 'Đình'] as const;
export const MIDDLE_NAMES_FEMALE = ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Phương', 'Kim', 'Mỹ', 'Bảo', 'Hồng', 'Diệu'] as const;

export const GIVEN_NAMES_MALE = [
  'Anh', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Hải', 'Hiếu', 'Hoàng', 'Hùng', 'Huy', 'Khang', 'Khoa', 'Long', 'Minh',
  'Nam', 'Nghĩa', 'Phong', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Thắng', 'Thịnh', 'Toàn', 'Trung', 'Tuấn', 'Việt', 'Vinh',
] as const;
export const GIVEN_NAMES_FEMALE = [
  'An', 'Anh', 'Chi', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hoa', 'Hương', 'Huyền', 'Lan', 'Linh', 'Loan',
  'Mai', 'My', 'Nga', 'Ngân', 'Ngọc', 'Nhung', 'Oanh', 'Phương', 'Quyên', 'Thảo', 'Trang', 'Tuyết', 'Vân', 'Yến',
] as const;

export const STREETS = [
  'Lê Lợi', 'Trần Hưng Đạo', 'Nguyễn Huệ', 'Hai Bà Trưng', 'Lý Thường Kiệt', 'Phan Đình Phùng', 'Quang Trung',
  'Nguyễn Trãi', 'Điện Biên Phủ', 'Võ Thị Sáu', 'Hoàng Diệu', 'Lê Duẩn', 'Nguyễn Du', 'Bà Triệu', 'Hùng Vương',
] as const;

/** Communes, wards and special zones: addresses have two levels since 1 July 2025 (no district). */
export const WARDS = [
  'Phường Sài Gòn', 'Phường Hoàn Kiếm', 'Phường Tân Định', 'Phường Cửa Nam', 'Phường Bàn Cờ', 'Phường Ba Đình',
  'Xã Tân Phú', 'Xã Hòa Bình', 'Xã Đông Anh', 'Phường An Phú', 'Xã Nhà Bè', 'Đặc khu Phú Quốc',
] as const;

export const MARITAL_STATUSES = ['Chưa kết hôn', 'Đã kết hôn', 'Ly hôn', 'Góa'] as const;
