/**
 * Province codes of the place of birth registration that open a 12-digit personal number
 * (Thông tư 07/2016/TT-BCA, Phụ lục). Numbers keep these codes after the 2025 merger of provinces.
 */
export const PROVINCE_CODES: Readonly<Record<string, string>> = {
  '001': 'Hà Nội', '002': 'Hà Giang', '004': 'Cao Bằng', '006': 'Bắc Kạn', '008': 'Tuyên Quang',
  '010': 'Lào Cai', '011': 'Điện Biên', '012': 'Lai Châu', '014': 'Sơn La', '015': 'Yên Bái',
  '017': 'Hòa Bình', '019': 'Thái Nguyên', '020': 'Lạng Sơn', '022': 'Quảng Ninh', '024': 'Bắc Giang',
  '025': 'Phú Thọ', '026': 'Vĩnh Phúc', '027': 'Bắc Ninh', '030': 'Hải Dương', '031': 'Hải Phòng',
  '033': 'Hưng Yên', '034': 'Thái Bình', '035': 'Hà Nam', '036': 'Nam Định', '037': 'Ninh Bình',
  '038': 'Thanh Hóa', '040': 'Nghệ An', '042': 'Hà Tĩnh', '044': 'Quảng Bình', '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế', '048': 'Đà Nẵng', '049': 'Quảng Nam', '051': 'Quảng Ngãi', '052': 'Bình Định',
  '054': 'Phú Yên', '056': 'Khánh Hòa', '058': 'Ninh Thuận', '060': 'Bình Thuận', '062': 'Kon Tum',
  '064': 'Gia Lai', '066': 'Đắk Lắk', '067': 'Đắk Nông', '068': 'Lâm Đồng', '070': 'Bình Phước',
  '072': 'Tây Ninh', '074': 'Bình Dương', '075': 'Đồng Nai', '077': 'Bà Rịa - Vũng Tàu', '079': 'Hồ Chí Minh',
  '080': 'Long An', '082': 'Tiền Giang', '083': 'Bến Tre', '084': 'Trà Vinh', '086': 'Vĩnh Long',
  '087': 'Đồng Tháp', '089': 'An Giang', '091': 'Kiên Giang', '092': 'Cần Thơ', '093': 'Hậu Giang',
  '094': 'Sóc Trăng', '095': 'Bạc Liêu', '096': 'Cà Mau',
};

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

/** "Hà Giang (nay là Tuyên Quang)": the province a number names, and where that place is now. */
export function provinceToday(name: string): string {
  const now = NOW_PART_OF[name];
  return now === undefined ? name : `${name} (nay là ${now})`;
}
