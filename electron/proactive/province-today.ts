/**
 * The province each pre-2025 province is part of since the merger of provinces (Nghị quyết
 * 202/2025/QH15, 12 June 2025; 63 to 34), and Thừa Thiên Huế, a city since 1 January 2025.
 * A province not listed kept its name.
 */
const NOW_PART_OF: Readonly<Record<string, string>> = {
  'Hà Giang': 'Tuyên Quang', 'Yên Bái': 'Lào Cai', 'Bắc Kạn': 'Thái Nguyên', 'Vĩnh Phúc': 'Phú Thọ', 'Hòa Bình': 'Phú Thọ',
  'Bắc Giang': 'Bắc Ninh', 'Thái Bình': 'Hưng Yên', 'Hải Dương': 'Hải Phòng', 'Hà Nam': 'Ninh Bình', 'Nam Định': 'Ninh Bình',
  'Quảng Bình': 'Quảng Trị', 'Quảng Nam': 'Đà Nẵng', 'Kon Tum': 'Quảng Ngãi', 'Bình Định': 'Gia Lai', 'Ninh Thuận': 'Khánh Hòa',
  'Đắk Nông': 'Lâm Đồng', 'Bình Thuận': 'Lâm Đồng', 'Phú Yên': 'Đắk Lắk', 'Bình Dương': 'Hồ Chí Minh', 'Bà Rịa - Vũng Tàu': 'Hồ Chí Minh',
  'Bình Phước': 'Đồng Nai', 'Long An': 'Tây Ninh', 'Sóc Trăng': 'Cần Thơ', 'Hậu Giang': 'Cần Thơ', 'Bến Tre': 'Vĩnh Long',
  'Trà Vinh': 'Vĩnh Long', 'Tiền Giang': 'Đồng Tháp', 'Bạc Liêu': 'Cà Mau', 'Kiên Giang': 'An Giang', 'Thừa Thiên Huế': 'Huế',
};

/** The province a pre-2025 province's land is part of today ("Hà Giang" → "Tuyên Quang"). */
export function provinceNow(name: string): string {
  return NOW_PART_OF[name] ?? name;
}

/** "Hà Giang (nay là Tuyên Quang)": the province a number names, and where that place is now. */
export function provinceToday(name: string): string {
  const now = NOW_PART_OF[name];
  return now === undefined ? name : `${name} (nay là ${now})`;
}
