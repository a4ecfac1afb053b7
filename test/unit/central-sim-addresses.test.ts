import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { citizenProfile, makePersonalNumber } from '../support/central-sim/citizens';
import { makePrng } from '../support/central-sim/prng';

// The 34 provinces and centrally-run cities since 1 July 2025 (Nghị quyết 202/2025/QH15).
const CITIES = ['Hà Nội', 'Huế', 'Hải Phòng', 'Đà Nẵng', 'Hồ Chí Minh', 'Cần Thơ'];
const PROVINCES = [
  'Tuyên Quang', 'Lào Cai', 'Thái Nguyên', 'Phú Thọ', 'Bắc Ninh', 'Hưng Yên', 'Ninh Bình', 'Quảng Trị', 'Quảng Ngãi',
  'Gia Lai', 'Khánh Hòa', 'Lâm Đồng', 'Đắk Lắk', 'Đồng Nai', 'Tây Ninh', 'Vĩnh Long', 'Đồng Tháp', 'Cà Mau', 'An Giang',
  'Cao Bằng', 'Điện Biên', 'Hà Tĩnh', 'Lai Châu', 'Lạng Sơn', 'Nghệ An', 'Quảng Ninh', 'Thanh Hóa', 'Sơn La',
];
const TWO_LEVELS = /^Số [^,]+, đường [^,]+, (?:Phường|Xã|Đặc khu) [^,]+, (Tỉnh|Thành phố) ([^,]+)$/u;

describe('the reference central’s addresses', () => {
  it('are in two levels and name only today’s 34 provinces and cities', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 12 }), (seed) => {
      const pin = makePersonalNumber(makePrng(seed));
      const address = citizenProfile('sim', pin)?.address ?? '';
      const match = TWO_LEVELS.exec(address);
      expect(match, address).not.toBeNull();
      const [, kind, name] = match ?? [];
      expect(kind === 'Thành phố' ? CITIES : PROVINCES, address).toContain(name);
      expect(address).not.toMatch(/Quận|Huyện|Thị xã|Thị trấn/u);
    }), { numRuns: 2000 });
  });
});
