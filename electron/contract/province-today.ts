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

/** Letters only, no marks, lower case: a card may write "HÒA BÌNH", or the other tone placement, for "Hòa Bình". */
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s*-\s*/g, ' - ')
    .trim();

const BY_FOLDED = new Map(Object.entries(NOW_PART_OF).map(([before, now]) => [fold(before), now]));

/** The province a pre-2025 province's land is part of today ("Hà Giang" → "Tuyên Quang"). */
export function provinceNow(name: string): string {
  return BY_FOLDED.get(fold(name)) ?? name;
}

/** "Hà Giang (nay là Tuyên Quang)": the province a number names, and where that place is now. */
export function provinceToday(name: string): string {
  const now = BY_FOLDED.get(fold(name));
  return now === undefined ? name : `${name} (nay là ${now})`;
}

const PROVINCE_WORD = /^(tinh|thanh pho|tp\.?)\s+/;

/**
 * A place or address as a citizen reads it: when its last part is a province merged in 2025,
 * where it is now follows — "Xã Mỹ Yên, Tỉnh Long An" → "Xã Mỹ Yên, Tỉnh Long An (nay là Tây Ninh)".
 * The written place itself is kept as the record has it (a place of origin is history).
 */
export function placeToday(place: string): string {
  if (/\(nay là /i.test(place)) return place;
  const last = place.split(',').at(-1) ?? '';
  const now = BY_FOLDED.get(fold(last).replace(PROVINCE_WORD, ''));
  return now === undefined ? place : `${place.trimEnd()} (nay là ${now})`;
}

/** Fields that hold a place: places of birth and origin, addresses, residence. */
export const isPlaceField = (fieldId: string): boolean => /^(place\w*|\w*place|\w*address|residence)$/i.test(fieldId.split('.').at(-1) ?? '');
